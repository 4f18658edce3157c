export * from './contract.ts';
export * from './password.ts';
