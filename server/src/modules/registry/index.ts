/** The registry's front door: what other modules may use of households and residents. */
export { type ReadEvent, type Resident, personReads, readPersonal, residentToWrite } from './person-reads.ts';
export { placeIn } from './registry.scope.ts';
export { registerPeople } from './registration.ts';
export { ID_LOOKUP_LIMIT, spendElsewhere } from './residents.identity.ts';
export { insertRegisteredEvents } from './life-events.repository.ts';
export { RESIDENT_COLUMN_DEFINITIONS, RESIDENT_COLUMN_LIST, RESIDENT_SELECTION, type ResidentColumns, type ResidentRow, fromColumns, storedResident, toColumns } from './resident-columns.ts';
