/**
 * The population generator: rows with keys, no database. The server's demo and the load CLI write
 * them with server/src/demo/population-load.ts; the benchmarks use both.
 */
export { addYears, parseDay, yearsBetween } from './calendar.ts';
export {
  type CommuneInput,
  type EncounterRow,
  type HealthRecordRow,
  type HouseholdRow,
  type ImmunizationRow,
  type LifeEventRow,
  type PopulationBatch,
  type PopulationOptions,
  type ResidentRow,
  communeQuotas,
  generatePopulation,
} from './generate.ts';
