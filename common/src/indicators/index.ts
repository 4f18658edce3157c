export * from './contract.ts';
export * from './dhis2.contract.ts';
