/** The indicators' front door (what other modules use). */
export { type IndicatorService, indicatorService } from './indicators.service.ts';
