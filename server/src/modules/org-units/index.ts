/** The org-units module's front door: what other modules and the tools use of it. */
export { closedLineOn, insertCatchments, unitInScope, unitsByIds, insertOrgUnits, type NewOrgUnit } from './org-units.repository.ts';
export { loadOfficialUnits, orgUnitService } from './org-units.service.ts';
