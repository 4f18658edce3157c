/** The health record's front door. */
export { recordService } from './records.service.ts';
