/** Reading the audit log: administrators and data-protection auditors, within their scope. */
import { AuditEvent, AuditQuery, listOf } from '@ytcs/common';
import type { App } from '../../http/app-types.ts';
import { isCountryWide, listAudit } from './audit.repository.ts';

export async function auditRoutes(app: App) {
  app.get('/api/audit', {
    schema: { tags: ['audit'], operationId: 'listAudit', querystring: AuditQuery, response: { 200: listOf(AuditEvent) } },
    config: { permission: 'audit.read' },
    handler: (req) => listAudit(app.db, req.scope, isCountryWide(req.scope), req.query),
  });
}
