/** The reports module's front door: the periodic report of a plan, and the place line it names. */
export { placeName, reportService } from './reports.service.ts';
