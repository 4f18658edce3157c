/** Reading the audit log: administrators and data-protection auditors, within their scope. */
import { Type } from 'typebox';
import { contextOf } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { IsoDate, Page, listOf } from '../../http/schemas.ts';
import { auditService } from './audit.service.ts';

const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  orgUnitId: Type.Union([Type.Integer(), Type.Null()]),
  orgUnitIds: Type.Array(Type.Integer()),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
});

const AuditQuery = Type.Object({
  ...Page,
  userId: Type.Optional(Type.Integer({ minimum: 1 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  entityType: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});

export async function auditRoutes(app: App) {
  const audit = auditService(app.db);
  app.get('/api/audit', {
    schema: { tags: ['audit'], operationId: 'listAudit', querystring: AuditQuery, response: { 200: listOf(AuditEvent) } },
    config: { permission: 'audit.read' },
    handler: (req) => audit.list(contextOf(req), req.query),
  });
}
