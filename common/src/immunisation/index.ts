export * from './codes.ts';
export * from './contract.ts';
export * from './schedule.ts';
