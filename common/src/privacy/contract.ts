/**
 * Privacy duties (Law 91/2025): a person's own data for them, and the report of who read which
 * records in a period, for a breach notice (validation, OpenAPI, web types).
 */
import { type Static, Type } from 'typebox';
import { IsoDate, Nullable } from '../http/contract.ts';
import { HealthRecord } from '../records/contract.ts';

const N = Nullable;

export const AccessLogEntry = Type.Object({ at: Type.String({ format: 'date-time' }), action: Type.String(), username: N(Type.String()), units: Type.Array(Type.String()) });
export type AccessLogEntry = Static<typeof AccessLogEntry>;

export const PersonalData = Type.Object({
  ...HealthRecord.properties,
  generatedAt: Type.String({ format: 'date-time' }),
  accessLog: Type.Array(AccessLogEntry, { description: 'Every audited access to the record, its household, encounters and immunisations' }),
});
export type PersonalData = Static<typeof PersonalData>;

export const AccessReportQuery = Type.Object({ from: IsoDate, to: IsoDate, unit: Type.Optional(Type.Integer({ minimum: 1, description: 'Only records under this unit' })) });
export type AccessReportQuery = Static<typeof AccessReportQuery>;

export const AccessRow = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  userId: N(Type.Integer()),
  username: N(Type.String()),
  fullName: N(Type.String()),
  action: Type.String(),
  entityType: N(Type.String()),
  entityId: N(Type.String()),
  units: Type.Array(Type.String()),
  results: N(Type.Integer()),
  ip: N(Type.String()),
});
export type AccessRow = Static<typeof AccessRow>;

export const AccessReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  total: Type.Integer(),
  truncated: Type.Boolean({ description: 'Whether more rows matched than the JSON answer carries (the XLSX has them all)' }),
  users: Type.Array(Type.Object({ userId: N(Type.Integer()), username: N(Type.String()), events: Type.Integer(), records: Type.Integer() })),
  items: Type.Array(AccessRow),
});
export type AccessReport = Static<typeof AccessReport>;
