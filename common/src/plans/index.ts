/** Plan-text parsing: a plan's text → a draft for review. */
export { parsePlanText } from './parse.ts';
export type * from './types.ts';
