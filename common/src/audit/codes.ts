/**
 * What the audit log records: every action code the server writes and every kind of thing an
 * event is about. The server's recordAudit takes only these (a new code is a compile error until
 * it is listed here), and each has a Vietnamese and English label in the server's messages
 * (`auditLabels.actions.<code in camel case>`, `auditLabels.entities.<type in camel case>`).
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_locked',
  'auth.logout',
  'auth.password_changed',
  'user.create',
  'user.update',
  'household.create',
  'household.read',
  'household.list',
  'resident.search',
  'resident.read',
  'resident.read_refused',
  'resident.create',
  'resident.update',
  'resident.merge',
  'resident.move_out',
  'resident.move_in',
  'resident.death',
  'resident.export',
  'resident.personal_data',
  'person.id_lookup',
  'record.read',
  'record.history',
  'record.encounter',
  'record.immunization',
  'pregnancy.register',
  'pregnancy.outcome',
  'pregnancy.list',
  'immunisation.due_list',
  'import.preview',
  'import.lookup',
  'import.batch',
  'import.commit',
  'import.errors_file',
  'indicator_value.enter',
  'plan.create',
  'plan.status',
  'task.update',
  'report.generate',
  'audit.access_report',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = ['user', 'resident', 'household', 'encounter', 'immunization', 'import', 'pregnancy', 'indicator_value', 'plan', 'plan_task', 'audit'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** 'report.generate' → 'reportGenerate': i18next reads '.' as nesting and '_one' as a plural. */
const camel = (code: string) => code.replace(/[._]([a-z])/g, (_, c: string) => c.toUpperCase());
/** The message key of an action's label. */
export const auditActionKey = (action: string) => `auditLabels.actions.${camel(action)}`;
export const auditEntityKey = (entityType: string) => `auditLabels.entities.${camel(entityType)}`;
