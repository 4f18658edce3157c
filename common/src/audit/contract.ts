/** The audit log as administrators and data-protection auditors read it (validation, OpenAPI, web types). */
import { type Static, Type } from 'typebox';
import { IsoDate, Nullable, Page } from '../http/contract.ts';

export const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  userId: Nullable(Type.Integer()),
  username: Nullable(Type.String()),
  action: Type.String(),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  entityName: Nullable(Type.String({ description: 'a user, plan or task named when the reader may see it; never a person in the registry' })),
  orgUnitId: Nullable(Type.Integer()),
  orgUnitName: Nullable(Type.String()),
  orgUnitIds: Type.Array(Type.Integer(), { description: 'every unit the event concerns; an auditor sees it when any lies in their scope' }),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditQuery = Type.Object({
  ...Page,
  userId: Type.Optional(Type.Integer({ minimum: 1 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  entityType: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});
export type AuditQuery = Static<typeof AuditQuery>;
