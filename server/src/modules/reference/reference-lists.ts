/**
 * Reference lists shipped in server/data (each with its SOURCE.md): ICD-10 with Vietnamese names
 * (the Ministry's list, Circular 06/2026/TT-BYT) and the 54 ethnic groups with their statistical
 * codes (the codes insurance data uses), and WHO's child growth tables (the LMS values of the
 * 2006 standards and the 2007 reference, by sex). Loaded once into an empty table, in one
 * statement each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { GROWTH_TABLES, type GrowthTable } from '@ytcs/common';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(DATA, file)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

export async function loadReferenceLists(db: Kysely<DB>): Promise<void> {
  const [icd, ethnic, growth] = await Promise.all([
    db.selectFrom('icd10').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('ethnic_group').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('growth_reference').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  if (growth.n === 0) await loadGrowthTables(db);
  if (icd.n === 0) {
    const rows = readCsv('icd10-vi/icd10-vi.csv').map((r) => ({ code: r.code, name_vi: r.name_vi, name_en: r.name_en || null, chapter: r.chapter || null }));
    await sql`
      insert into icd10 (code, name_vi, name_en, chapter)
      select code, name_vi, name_en, chapter from json_to_recordset(${JSON.stringify(rows)}::json) as t(code text, name_vi text, name_en text, chapter text)
    `.execute(db);
  }
  if (ethnic.n === 0) {
    const rows = readCsv('ethnic-groups/ethnic-groups.csv').map((r) => ({ code: r.code, name: r.name, other_names: r.other_names || null }));
    await sql`
      insert into ethnic_group (code, name, other_names)
      select code, name, other_names from json_to_recordset(${JSON.stringify(rows)}::json) as t(code text, name text, other_names text)
    `.execute(db);
  }
}

/** The file of each growth table (SOURCE.md says what its second column holds). */
const GROWTH_FILES: Record<GrowthTable, string> = {
  wfa: 'wfa.csv',
  lhfa: 'lhfa.csv',
  bfa: 'bfa.csv',
  wfl: 'wfl.csv',
  wfh: 'wfh.csv',
  wfa_5_10: 'wfa-5-10.csv',
  hfa_5_19: 'hfa-5-19.csv',
  bfa_5_19: 'bfa-5-19.csv',
};

async function loadGrowthTables(db: Kysely<DB>): Promise<void> {
  const rows = GROWTH_TABLES.flatMap((tbl) =>
    readCsv(`who-growth/${GROWTH_FILES[tbl]}`).map((r) => ({ tbl, sex: Number(r.sex), x: Number(r.age_days_or_months), l: Number(r.l), m: Number(r.m), s: Number(r.s) })),
  );
  await sql`
    insert into growth_reference (tbl, sex, x, l, m, s)
    select tbl, sex, x, l, m, s from json_to_recordset(${JSON.stringify(rows)}::json)
      as t(tbl text, sex smallint, x double precision, l double precision, m double precision, s double precision)
  `.execute(db);
}
