/** Bulk import of residents from a spreadsheet, and the register export (validation, OpenAPI, web types). */
import { type Static, Type } from 'typebox';
import { Instant, literalUnion, MessageRef, Nullable } from '../http/contract.ts';
import { IMPORT_FIELDS } from '../import-columns.ts';

const N = Nullable;

export const IMPORT_STATUSES = ['parsing', 'previewed', 'committing', 'committed', 'failed'] as const;
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;

/**
 * What one file may hold, said on the page and enforced by the server. A commune's register is a
 * few tens of thousands of rows, a merged ward's or a district's some hundreds of thousands; a
 * million is the size the commit and the server's memory are measured at (bench:import-memory).
 * The register export's CSV is ~230 bytes a row: a million rows is ~230 MB.
 */
export const IMPORT_MAX_ROWS = 1_000_000;
export const IMPORT_MAX_FILE_MB = 400;

export const ImportFieldSchema = literalUnion(IMPORT_FIELDS);
export const ImportStatus = literalUnion(IMPORT_STATUSES);
export type ImportStatus = Static<typeof ImportStatus>;

export const ImportQuery = Type.Object({
  unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'commune or village the rows belong to (or the form field unitId before the file)' })),
});
export type ImportQuery = Static<typeof ImportQuery>;

/** A token the page chooses for an upload (form field `upload`), to follow its preview before the answer. */
export const UPLOAD_TOKEN_PATTERN = '^[A-Za-z0-9_-]{8,64}$';
export const UploadToken = Type.String({ pattern: UPLOAD_TOKEN_PATTERN });
export const UploadParams = Type.Object({ token: UploadToken });
export type UploadParams = Static<typeof UploadParams>;

/** A row's problem, placed as in the spreadsheet: row number (header = 1), header text and letter. */
export const ImportFinding = Type.Object({
  row: Type.Integer({ description: 'row number as shown in the spreadsheet (header row = 1)' }),
  column: N(Type.String({ description: 'header text of the column' })),
  letter: N(Type.String({ description: 'column letter (A, B, …)' })),
  field: Type.String(),
  ...MessageRef,
  message: Type.String({ description: 'Vietnamese' }),
  messageEn: Type.String(),
});
export type ImportFinding = Static<typeof ImportFinding>;

/** A column of the file and the field it was read as (null: not recognised, ignored). */
export const ImportColumn = Type.Object({ header: Type.String(), field: N(ImportFieldSchema), letter: Type.String() });
export type ImportColumn = Static<typeof ImportColumn>;

export const ImportJob = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  communeId: Type.Integer(),
  format: literalUnion(IMPORT_FORMATS),
  fileName: N(Type.String()),
  status: ImportStatus,
  columns: Type.Array(ImportColumn),
  rows: Type.Integer(),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  existing: Type.Integer({ description: 'valid rows already registered; the commit skips them' }),
  done: Type.Integer({ description: 'rows committed (inserted or skipped) so far' }),
  inserted: N(Type.Integer()),
  households: N(Type.Integer()),
  skipped: N(Type.Integer()),
  errors: Type.Array(ImportFinding, { description: 'the first 200, by row' }),
  warnings: Type.Array(ImportFinding, { description: 'the first 200' }),
  createdAt: Instant,
  committedAt: N(Instant),
});
export type ImportJob = Static<typeof ImportJob>;

export const CommitResult = Type.Object({
  inserted: Type.Integer(),
  households: Type.Integer({ description: 'households created' }),
  skipped: Type.Integer({ description: 'valid rows already registered' }),
  invalid: Type.Integer(),
});
export type CommitResult = Static<typeof CommitResult>;

export const ExportQuery = Type.Object({
  orgUnit: Type.Integer({ minimum: 1, description: 'commune or village (or any unit above) whose register to export' }),
});
export type ExportQuery = Static<typeof ExportQuery>;
