/** Plans: the plan-text parser and its draft, and the plans and tasks API. */
export { parsePlanText } from './parse.ts';
export * from './types.ts';
export * from './contract.ts';
export * from './tasks.contract.ts';
export * from './codes.ts';
