/** The health record's front door. */
export { recordService } from './records.service.ts';
/** For a capability that records an examination in its own transaction (a birth's weight). */
export { insertEncounter, openRecord, stationServing } from './records.repository.ts';
