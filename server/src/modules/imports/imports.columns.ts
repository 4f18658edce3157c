/**
 * Which spreadsheet column holds which field. Stations name their columns in many ways ("Họ và
 * tên", "Họ tên", "HO TEN", "Full name"); a header is folded (diacritics, case, punctuation and
 * anything in brackets dropped) and looked up among the known names. The first name of each field
 * is the header the export writes, so an exported register imports back unchanged.
 */
import { IMPORT_FIELDS, IMPORT_HEADERS, type ImportField, foldVietnamese, type Said, say } from '@ytcs/common';

export { IMPORT_FIELDS, type ImportField, headerOf } from '@ytcs/common';

/** Columns known to carry nothing to import (row numbers, notes, the errors file's own column). */
const IGNORED = ['STT', 'TT', 'Số thứ tự', 'Ghi chú', 'Lỗi / Errors', 'Lỗi', 'Errors', 'Dòng gốc / Row', 'No', 'Note', 'Notes'];

export const ERRORS_HEADER = 'Lỗi / Errors';
/** The errors file's column with each row's number in the file sent (the messages refer to it: "trùng với dòng 2"). */
export const ROW_HEADER = 'Dòng gốc / Row';

/** "Ngày sinh (dd/mm/yyyy) *" → "ngay sinh". */
export function headerKey(header: string): string {
  return foldVietnamese(header.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const KNOWN = new Map<string, ImportField | null>();
for (const field of IMPORT_FIELDS) for (const h of IMPORT_HEADERS[field]) KNOWN.set(headerKey(h), field);
for (const h of IGNORED) KNOWN.set(headerKey(h), null);

export function isImportField(value: unknown): value is ImportField {
  return typeof value === 'string' && (IMPORT_FIELDS as readonly string[]).includes(value);
}

export interface Column {
  index: number;
  header: string;
  letter: string;
  field: ImportField | null;
}

export interface MappingProblem extends Said {
  column: string | null;
  /** The column's letter (two columns may carry the same header). */
  letter: string | null;
  field: string;
}

/** A, B, … Z, AA, AB … for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Maps headers to fields. `override` (header text or its folded form → field, or null to ignore)
 * wins over the known names. A field claimed by two columns keeps the first; the second is ignored
 * with a warning.
 */
export function mapColumns(headers: string[], override: Record<string, string | null> = {}): { columns: Column[]; warnings: MappingProblem[] } {
  const overrides = new Map(Object.entries(override).map(([h, f]) => [headerKey(h), f]));
  const taken = new Map<ImportField, string>();
  const warnings: MappingProblem[] = [];
  const columns = headers.map((raw, index): Column => {
    const header = raw.replace(/\s+/g, ' ').trim();
    const key = headerKey(header);
    let field: ImportField | null = null;
    if (overrides.has(key)) {
      const f = overrides.get(key);
      field = isImportField(f) ? f : null;
    } else {
      field = KNOWN.get(key) ?? null;
      if (field === null && key && !KNOWN.has(key)) {
        warnings.push({ column: header, letter: columnLetter(index), field: '', ...say('imports.columnUnknown', { header }) });
      }
    }
    if (field && taken.has(field)) {
      warnings.push({ column: header, letter: columnLetter(index), field, ...say('imports.columnRepeated', { header, first: taken.get(field) ?? '' }) });
      field = null;
    }
    if (field) taken.set(field, header);
    return { index, header, letter: columnLetter(index), field };
  });
  return { columns, warnings };
}

/** The columns a file must have: a name, a sex and a date (or year) of birth. */
export function missingColumns(columns: Column[]): MappingProblem[] {
  const has = (f: ImportField) => columns.some((c) => c.field === f);
  const missing: MappingProblem[] = [];
  if (!has('fullName')) missing.push({ column: null, letter: null, field: 'fullName', ...say('imports.missingFullName') });
  if (!has('sex')) missing.push({ column: null, letter: null, field: 'sex', ...say('imports.missingSex') });
  if (!has('birthDate') && !has('birthYear')) missing.push({ column: null, letter: null, field: 'birthDate', ...say('imports.missingBirth') });
  return missing;
}

/**
 * Spreadsheets often carry a title above the header ("DANH SÁCH NHÂN KHẨU …"): the header is the
 * first row with a column for the full name. The score is the number of fields the row names (0
 * without the full name).
 */
export function headerScore(cells: string[], override: Record<string, string | null> = {}): number {
  const fields = new Set(mapColumns(cells, override).columns.map((c) => c.field));
  return fields.has('fullName') ? fields.size - (fields.has(null) ? 1 : 0) : 0;
}
