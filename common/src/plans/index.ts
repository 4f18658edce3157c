/** Plans: the plan-text parser and its draft, and the plans and tasks API. */
export { parsePlanText } from './parse.ts';
export type * from './types.ts';
export * from './contract.ts';
export * from './tasks.contract.ts';
/** When a task is overdue (the database's twin is in the plans module's task repository). */
export { isOverdue, type TaskDue } from './overdue.ts';
export * from './codes.ts';
export { NEAR_SHARE, STANDINGS, type Standing, gapOf, judge, meets, standingOf } from './judge.ts';
/** Tasks given to every commune's committee or station (each reports its own part). */
export { COMMUNE_BODIES, type CommuneBody, communeBodyName, everyCommunesBody } from './commune-bodies.ts';
