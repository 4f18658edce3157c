/** The audit module's front door: every module writes its events with recordAudit. */
export { recordAudit } from './audit.repository.ts';
