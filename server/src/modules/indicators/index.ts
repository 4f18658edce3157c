/** The indicators' front door: what other modules, the start, the demo and the benches use. */
export { type ComputedIndicator, COMPUTED_INDICATORS } from './computed-indicators.ts';
export { IndicatorRegistryError, syncIndicatorDefinitions } from './definitions.ts';
export { indicatorRoutes } from './indicators.routes.ts';
export { listIndicators, unitWithChildren } from './indicators.repository.ts';
export { type IndicatorService, type SignedIn, indicatorService } from './indicators.service.ts';
export { type Refresher, currentPeriods, recomputeAll, startRefresher } from './refresher.ts';
