/**
 * DHIS2 dataValueSets as exchanged: each indicator is two data elements, CODE_NUM and CODE_DEN,
 * and an org unit is our unit id as text.
 */
import { type Static, Type } from 'typebox';

export const DataValue = Type.Object({
  dataElement: Type.String({ minLength: 1 }),
  period: Type.String(),
  orgUnit: Type.String(),
  value: Type.String(),
  storedBy: Type.Optional(Type.String()),
  lastUpdated: Type.Optional(Type.String()),
  comment: Type.Optional(Type.String()),
});
export type DataValue = Static<typeof DataValue>;

export const DataValueSetQuery = Type.Object({
  orgUnit: Type.Optional(Type.Integer({ minimum: 1 })),
  period: Type.String({ minLength: 4 }),
  indicator: Type.Optional(Type.String()),
});
export type DataValueSetQuery = Static<typeof DataValueSetQuery>;

export const DataValueSet = Type.Object({ orgUnit: Type.String(), period: Type.String(), dataValues: Type.Array(DataValue) });
export type DataValueSet = Static<typeof DataValueSet>;

export const DataValueSetImport = Type.Object({ dataValues: Type.Array(DataValue, { maxItems: 20_000 }) });
export type DataValueSetImport = Static<typeof DataValueSetImport>;

/** DHIS2's importSummary: status SUCCESS, or ERROR with every conflict listed and nothing written. */
export const ImportSummary = Type.Object({
  status: Type.String({ description: 'SUCCESS or ERROR' }),
  importCount: Type.Object({ imported: Type.Integer(), updated: Type.Integer(), ignored: Type.Integer(), deleted: Type.Integer() }),
  conflicts: Type.Array(Type.Object({ object: Type.String(), value: Type.String() })),
});
export type ImportSummary = Static<typeof ImportSummary>;
