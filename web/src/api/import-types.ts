// Shapes of the bulk import of residents from a spreadsheet (docs/api.md).

export { IMPORT_FIELDS, type ImportField } from '@ytcs/common';
import type { ImportField } from '@ytcs/common';

/** A row's problem, placed as in the spreadsheet: row number (header = 1), header text and letter. */
export type ImportFinding = {
  row: number;
  column: string | null;
  letter: string | null;
  field: string;
  message: string;
  messageEn: string;
};

export type ImportColumn = { header: string; field: ImportField | null; letter: string };

export type ImportStatus = 'parsing' | 'previewed' | 'committing' | 'committed' | 'failed';

export type ImportJob = {
  id: number;
  unitId: number;
  communeId: number;
  format: string;
  fileName: string | null;
  status: ImportStatus;
  columns: ImportColumn[];
  rows: number;
  valid: number;
  invalid: number;
  /** Valid rows whose person is registered already: the commit skips them. */
  existing: number;
  /** Rows committed (inserted or skipped) so far. */
  done: number;
  inserted: number | null;
  households: number | null;
  skipped: number | null;
  /** The first 200, by row. */
  errors: ImportFinding[];
  warnings: ImportFinding[];
  createdAt: string;
  committedAt: string | null;
};

export type CommitResult = { inserted: number; households: number; skipped: number; invalid: number };
