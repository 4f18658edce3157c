export * from './codes.ts';
export * from './contract.ts';
