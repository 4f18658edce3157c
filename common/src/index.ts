export * from './access.ts';
export * from './dates.ts';
export * from './text.ts';
