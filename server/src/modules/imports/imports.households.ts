/**
 * A household's rows go in together. When one of them has an error (often the head's), the other
 * rows are held back with it — reported with the rows to fix, and given back in the errors file
 * with their values as the importer reads them — so no household is created without its head or
 * with half its members, and the fixed file imports the household whole.
 */
import { say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { fromColumns } from '../registry/index.ts';
import type { Column } from './imports.columns.ts';
import { holdRows, rowsOfBrokenHouseholds } from './imports.repository.ts';
import { registerValues } from './register-export.ts';

/** How many rows of a household are named in the message; the rest are in the errors file. */
const ROWS_NAMED = 5;

export interface Names {
  village(id: number | null): string | null;
  ethnicity(code: string | null): string;
}

/** Holds back the valid rows of households with an invalid row; returns how many. */
export async function holdBackHouseholds(db: Kysely<DB>, jobId: number, columns: Column[], names: Names): Promise<number> {
  const rows = await rowsOfBrokenHouseholds(db, jobId);
  const held = rows.map((r) => {
    const values = registerValues(
      { ...fromColumns(r.resident), village: names.village(r.resident.village_id), householdCode: r.resident.household_code, address: r.resident.address, relationship: r.resident.relationship },
      names.ethnicity,
    );
    const named = r.rows.slice(0, ROWS_NAMED).join(', ') + (r.rows.length > ROWS_NAMED ? ', …' : '');
    return {
      rowNo: r.rowNo,
      cells: columns.map((c) => (c.field ? values[c.field] : '')),
      errors: [{ column: null, letter: null, field: 'household', ...say('imports.householdHeld', { rows: named }) }],
    };
  });
  await holdRows(db, jobId, held);
  return held.length;
}
