/** The indicators module's front door. */
export { indicatorService, type IndicatorService } from './indicators.service.ts';
export { unitWithChildren } from './indicators.repository.ts';
