/** The audit log's front door: other modules record events and filter by the auditor's reach. */
export { type AuditEntry, auditInScope, isCountryWide, recordAudit } from './audit.repository.ts';
