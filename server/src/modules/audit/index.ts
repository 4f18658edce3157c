/** The audit module's front door: every module writes its events with recordAudit. */
export { recordAudit, auditInScope, isCountryWide } from './audit.repository.ts';
