/** The registry's front door: what other modules may use of it. */
export { coverageUnit } from './coverage.repository.ts';
