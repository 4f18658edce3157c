/** Plan-text parsing: a plan's text → a draft for review. */
export { parsePlanText } from './parse.ts';
export type * from './types.ts';
/** When a task is overdue (the database's twin is in the plans module's task repository). */
export { isOverdue, type TaskDue } from './overdue.ts';
