export * from './contract.ts';
export * from './codes.ts';
