/** The plans module's front door: plans as the reports module reads them, and what the demo writes. */
export { type PlanService, type SignedIn, planService } from './plans.service.ts';
export { areaOf } from './plans.repository.ts';
export { insertPlan } from './plans.writes.repository.ts';
