/**
 * A household's rows go in together. When one of them has an error (often the head's), the other
 * rows are held back with it — reported with the rows to fix, and given back in the errors file
 * with their values as the importer reads them — so no household is created without its head or
 * with half its members, and the fixed file imports the household whole.
 */
import { say } from '@ytcs/common';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { fromColumns } from '../registry/index.ts';
import { type JobColumn, holdRows, rowsOfBrokenHouseholds } from './imports.repository.ts';
import type { StagedResident } from './imports.rows.ts';
import { registerValues } from './register-export.ts';

/** How many rows of a household are named in the message; the rest are in the errors file. */
const ROWS_NAMED = 5;

export interface Names {
  village(id: number | null): string | null;
  ethnicity(code: string | null): string;
}

/** Holds back the valid rows of households with an invalid row; returns how many. */
export async function holdBackHouseholds(db: Kysely<DB>, jobId: number, columns: JobColumn[], names: Names): Promise<number> {
  const rows = await rowsOfBrokenHouseholds(db, jobId);
  const held = rows.map((r) => ({
    rowNo: r.rowNo,
    cells: cellsOf(r.resident, columns, names),
    errors: [{ column: null, letter: null, field: 'household', ...say('imports.householdHeld', { rows: named(r.rows) }) }],
  }));
  await holdRows(db, jobId, held);
  return held.length;
}

/**
 * At the commit, a personal ID registered outside the caller's scope since the preview: that row
 * says so (and nothing of whom), and the rows of its household are held back with it.
 */
export async function holdBackMeanwhile(trx: Transaction<DB>, jobId: number, columns: JobColumn[], names: Names, rows: { rowNo: number; elsewhere: boolean; resident: StagedResident }[]) {
  const elsewhere = rows.filter((r) => r.elsewhere).map((r) => r.rowNo);
  const held = rows.map((r) => ({
    rowNo: r.rowNo,
    cells: cellsOf(r.resident, columns, names),
    errors: [{ column: null, letter: null, field: r.elsewhere ? 'citizenId' : 'household', ...(r.elsewhere ? say('imports.idRegisteredElsewhere') : say('imports.householdHeld', { rows: named(elsewhere) })) }],
  }));
  await holdRows(trx, jobId, held);
}

/** A valid row's cells, rebuilt from its checked values for the errors file. */
function cellsOf(resident: StagedResident, columns: JobColumn[], names: Names): string[] {
  const values = registerValues(
    { ...fromColumns(resident), village: names.village(resident.village_id), householdCode: resident.household_code, address: resident.address, relationship: resident.relationship },
    names.ethnicity,
  );
  return columns.map((c) => (c.field ? (values as Record<string, string>)[c.field] ?? '' : ''));
}

const named = (rows: number[]) => rows.slice(0, ROWS_NAMED).join(', ') + (rows.length > ROWS_NAMED ? ', …' : '');
