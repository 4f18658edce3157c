export * from './access.ts';
export * from './dates.ts';
export * from './text.ts';
export * from './identifiers.ts';
export * from './resident.ts';
export * from './import-columns.ts';
export * from './periods.ts';
export * from './plans/index.ts';
