/** Reading the audit log: administrators and data-protection auditors, within their scope. */
import { AuditEvent, AuditQuery, listOf } from '@ytcs/common';
import { contextOf } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { auditService } from './audit.service.ts';

export async function auditRoutes(app: App) {
  const audit = auditService(app.db);
  app.get('/api/audit', {
    schema: { tags: ['audit'], operationId: 'listAudit', querystring: AuditQuery, response: { 200: listOf(AuditEvent) } },
    config: { permission: 'audit.read' },
    handler: (req) => audit.list(contextOf(req), req.query),
  });
}
