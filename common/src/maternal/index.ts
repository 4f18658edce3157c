export * from './antenatal.ts';
export * from './codes.ts';
export * from './contract.ts';
