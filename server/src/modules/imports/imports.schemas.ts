/** Request and response schemas of imports and the register export (validation and OpenAPI). */
import { Type } from 'typebox';
import { Instant } from '../../http/schemas.ts';

const N = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);

export const ImportQuery = Type.Object({
  unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'commune or village the rows belong to (or the form field unitId before the file)' })),
});

const Finding = Type.Object({
  row: Type.Integer({ description: 'row number as shown in the spreadsheet (header row = 1)' }),
  column: N(Type.String({ description: 'header text of the column' })),
  letter: N(Type.String({ description: 'column letter (A, B, …)' })),
  field: Type.String(),
  message: Type.String({ description: 'Vietnamese' }),
  messageEn: Type.String(),
});

export const ImportJob = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  communeId: Type.Integer(),
  format: Type.String(),
  fileName: N(Type.String()),
  status: Type.Union([Type.Literal('parsing'), Type.Literal('previewed'), Type.Literal('committing'), Type.Literal('committed'), Type.Literal('failed')]),
  columns: Type.Array(Type.Object({ header: Type.String(), field: N(Type.String()), letter: Type.String() })),
  rows: Type.Integer(),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  existing: Type.Integer({ description: 'valid rows already registered; the commit skips them' }),
  done: Type.Integer({ description: 'rows committed (inserted or skipped) so far' }),
  inserted: N(Type.Integer()),
  households: N(Type.Integer()),
  skipped: N(Type.Integer()),
  errors: Type.Array(Finding, { description: 'the first 200, by row' }),
  warnings: Type.Array(Finding, { description: 'the first 200' }),
  createdAt: Instant,
  committedAt: Type.Union([Instant, Type.Null()]),
});

export const CommitResult = Type.Object({
  inserted: Type.Integer(),
  households: Type.Integer({ description: 'households created' }),
  skipped: Type.Integer({ description: 'valid rows already registered' }),
  invalid: Type.Integer(),
});

export const ExportQuery = Type.Object({
  orgUnit: Type.Integer({ minimum: 1, description: 'commune or village (or any unit above) whose register to export' }),
});
