/**
 * One spreadsheet row → one checked resident, with the same rules as the API (checkResident from
 * @ytcs/common) plus what only a file can get wrong: an unknown village or ethnic group, a
 * personal ID repeated further down, a second head in a household. Errors and warnings name the
 * spreadsheet row and column. Pure: what needs the database (IDs already registered) is checked
 * per batch by the service.
 */
import { type FieldFinding, type ResidentInput, checkResident, foldVietnamese, type Said, say } from '@ytcs/common';
import type { Column, ImportField } from './imports.columns.ts';
import { type Cell, type DateReading, cellText, readDate, readHeadMark, readRelationship, readResidence, readSex } from './imports.values.ts';
import { type ResidentColumns, storedResident, toColumns } from '../registry/index.ts';

/** A problem of a row, placed as in the spreadsheet, with its message (key, Vietnamese, English). */
export interface RowFinding extends Said {
  row: number;
  column: string | null;
  letter: string | null;
  field: string;
}

/** The values staged for the commit (resident columns in the database's names). */
export type StagedResident = ResidentColumns & {
  relationship: string | null;
  village_id: number | null;
  household_code: string | null;
  address: string | null;
  warnings: FieldFinding[];
};

export interface StagedRow {
  rowNo: number;
  cells: string[];
  resident: StagedResident | null;
  householdKey: string | null;
  errors: RowFinding[];
  warnings: RowFinding[];
}

export interface RowContext {
  columns: Column[];
  /** The village every row goes to when the target is a village. */
  targetVillage: { id: number; name: string } | null;
  village(name: string): number | undefined;
  ethnicity(cell: Cell): string | null | undefined;
  /** Personal IDs seen so far in the file → the row they were on. */
  seenIds: Map<string, number>;
  /** Household key → the row of its head. */
  heads: Map<string, number>;
  today?: Date;
}

const FIELD_COLUMN: Record<string, ImportField[]> = {
  fullName: ['fullName'],
  sex: ['sex'],
  birthDate: ['birthDate', 'birthYear'],
  birthYear: ['birthYear', 'birthDate'],
  citizenId: ['citizenId'],
  insuranceCode: ['insuranceCode'],
  insuranceValidFrom: ['insuranceValidFrom'],
  insuranceValidTo: ['insuranceValidTo'],
  phone: ['phone'],
  ethnicityCode: ['ethnicity'],
  residenceStatus: ['residenceStatus'],
  relationship: ['relationship'],
  head: ['head'],
  village: ['village'],
};

const asDate = (r: DateReading): string | null => (r === null ? null : 'date' in r ? r.date : 'invalid' in r ? r.invalid || 'invalid' : String(r.year));

/** Field → the index of its (first) column, worked out once per file rather than per cell read. */
const fieldIndexes = new WeakMap<Column[], Map<ImportField, number>>();
function fieldIndex(columns: Column[]): Map<ImportField, number> {
  let map = fieldIndexes.get(columns);
  if (!map) {
    map = new Map();
    for (const c of columns) if (c.field && !map.has(c.field)) map.set(c.field, c.index);
    fieldIndexes.set(columns, map);
  }
  return map;
}

/** The replacement character: a NUL (which PostgreSQL cannot store) or undecodable bytes. */
export const UNREADABLE = '\uFFFD';

export function readRow(rowNo: number, raw: Cell[], ctx: RowContext): StagedRow {
  const indexes = fieldIndex(ctx.columns);
  // Each cell's text once: the field readers and the errors file both use it.
  const cells = raw.map(cellText);
  const cellOf = (f: ImportField): Cell => {
    const i = indexes.get(f);
    return i === undefined ? null : (raw[i] ?? null);
  };
  const text = (f: ImportField) => {
    const i = indexes.get(f);
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const errors: RowFinding[] = [];
  const warnings: RowFinding[] = [];
  const at = (field: string) => {
    const col = (FIELD_COLUMN[field] ?? []).map((f) => ctx.columns.find((c) => c.field === f)).find(Boolean);
    return { row: rowNo, column: col?.header ?? null, letter: col?.letter ?? null, field };
  };
  const error = (field: string, said: Said) => errors.push({ ...at(field), ...said });
  const warn = (field: string, said: Said) => warnings.push({ ...at(field), ...said });

  // U+FFFD is what the reader made of a NUL or of bytes that are not UTF-8 (a TCVN3 or Windows-1258
  // file): never register a garbled name, say which cell and how to save the file.
  for (const c of ctx.columns) {
    if (c.field && cells[c.index]?.includes(UNREADABLE)) {
      errors.push({ row: rowNo, column: c.header, letter: c.letter, field: c.field, ...say('imports.unreadableCell') });
    }
  }

  // A number cell lost the leading zeros every ID (province 001–096) and phone starts with; put them back and say so.
  let citizenId = text('citizenId');
  if (typeof cellOf('citizenId') === 'number' && /^\d{10,11}$/.test(citizenId)) {
    citizenId = citizenId.padStart(12, '0');
    warn('citizenId', say('imports.idLostZeros'));
  }
  let phone = text('phone');
  if (typeof cellOf('phone') === 'number' && /^[1-9]\d{8}$/.test(phone)) phone = `0${phone}`;

  const birth = readDate(cellOf('birthDate'));
  const yearCell = readDate(cellOf('birthYear'));
  const birthDate = birth && 'date' in birth ? birth.date : birth && 'invalid' in birth ? birth.invalid || 'invalid' : null;
  let birthYear = birth && 'year' in birth ? birth.year : null;
  if (yearCell && 'year' in yearCell) birthYear ??= yearCell.year;
  else if (yearCell) error('birthYear', say('imports.birthYearInvalid'));

  const ethnicityCode = ctx.ethnicity(cellOf('ethnicity'));
  if (ethnicityCode === undefined) error('ethnicityCode', say('imports.ethnicityUnknown', { ethnicity: text('ethnicity') }));

  const residence = readResidence(text('residenceStatus'));
  if (residence === undefined) error('residenceStatus', say('imports.residenceStatus'));

  let relationship = readRelationship(text('relationship'));
  if (relationship === undefined) {
    warn('relationship', say('imports.relationshipUnknown', { relationship: text('relationship') }));
    relationship = 'other';
  }
  const head = readHeadMark(text('head'), text('fullName'));
  if (head === undefined) warn('head', say('imports.headMarkUnknown', { mark: text('head') }));
  else if (head && relationship === null) relationship = 'head';
  else if (head && relationship !== 'head') error('head', say('imports.headMarkDisagrees', { relationship: text('relationship') }));

  let villageId: number | null = ctx.targetVillage?.id ?? null;
  const villageName = text('village');
  if (villageName) {
    const found = ctx.village(villageName);
    if (found === undefined) error('village', say('imports.villageUnknown', { village: villageName }));
    else if (ctx.targetVillage && found !== ctx.targetVillage.id) error('village', say('imports.villageNotChosen', { village: villageName, chosen: ctx.targetVillage.name }));
    else villageId = found;
  }

  const input: ResidentInput = {
    fullName: text('fullName'),
    sex: readSex(text('sex')) as ResidentInput['sex'],
    birthDate,
    birthYear,
    citizenId: citizenId || null,
    insuranceCode: text('insuranceCode') || null,
    insuranceValidFrom: asDate(readDate(cellOf('insuranceValidFrom'))),
    insuranceValidTo: asDate(readDate(cellOf('insuranceValidTo'))),
    phone: phone || null,
    residenceStatus: residence ?? 'permanent',
  };
  const check = checkResident(input, ctx.today);
  for (const { field, code: _code, ...said } of check.errors) error(field, said);
  for (const { field, code: _code, ...said } of check.warnings) warn(field, said);

  const v = check.value;
  if (v.citizenId && check.errors.length === 0) {
    const first = ctx.seenIds.get(v.citizenId);
    if (first !== undefined) error('citizenId', say('imports.idRepeatedInFile', { row: first }));
    else ctx.seenIds.set(v.citizenId, rowNo);
  }

  const householdCode = text('householdCode') || null;
  const address = text('address') || null;
  const householdKey = householdCode ? `code:${householdCode}` : address ? `address:${villageId ?? ''}:${foldVietnamese(address)}` : null;
  if (householdKey && relationship === 'head' && errors.length === 0) {
    const head = ctx.heads.get(householdKey);
    if (head !== undefined) error('relationship', say('imports.headRepeated', { row: head }));
    else ctx.heads.set(householdKey, rowNo);
  }

  if (errors.length) return { rowNo, cells, resident: null, householdKey, errors, warnings };
  return {
    rowNo,
    cells,
    householdKey,
    errors,
    warnings,
    resident: {
      ...toColumns(storedResident({ ...input, insuranceFacility: text('insuranceFacility'), beneficiaryGroup: text('beneficiaryGroup'), ethnicityCode: ethnicityCode ?? null, occupation: text('occupation') }, v)),
      relationship: relationship ?? null,
      village_id: villageId,
      household_code: householdCode,
      address,
      warnings: check.warnings,
    },
  };
}
