/**
 * Reference lists shipped in server/data (each with its SOURCE.md): ICD-10 with Vietnamese names
 * (the Ministry's list, Circular 06/2026/TT-BYT) and the 54 ethnic groups with their statistical
 * codes (the codes insurance data uses). Loaded once into an empty table, in one statement each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(DATA, file)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

export async function loadReferenceLists(db: Kysely<DB>): Promise<void> {
  const [icd, ethnic] = await Promise.all([
    db.selectFrom('icd10').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('ethnic_group').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
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
