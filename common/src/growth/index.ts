export * from './codes.ts';
export * from './contract.ts';
export * from './status.ts';
export * from './zscore.ts';
