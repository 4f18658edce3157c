/**
 * What a backup promises about the database it holds: the schema version (the last migration
 * applied) and, per table, the row count and a checksum of the contents. The same query checks a
 * restore, so a backup restored anywhere can be proved equal to the database it was taken from.
 */
import { type Kysely, type Transaction, sql } from 'kysely';

type Db = Kysely<unknown> | Transaction<unknown>;

export interface TableFingerprint {
  rows: number;
  /** md5 over the md5 of every row's text, sorted: independent of physical order and of keys. */
  md5: string;
}

export type Fingerprints = Record<string, TableFingerprint>;

/**
 * Session settings that a row's text depends on. Set them before fingerprinting, in the backup and
 * in the restore alike, so the same data gives the same text whatever the server's defaults.
 */
export const TEXT_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 1',
  "set local bytea_output = 'hex'",
];

/** Ordinary and partitioned tables of the public schema, logged or not, by name. */
export async function publicTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/** The SQL expression giving a table's fingerprint; used by restore checks in plain SQL too. */
export function fingerprintQuery(table: string): string {
  const t = `public.${quoteIdent(table)}`;
  return `select count(*)::bigint as rows, md5(coalesce(string_agg(h, '' order by h), '')) as md5 from (select md5(fingerprinted_row::text) as h from ${t} fingerprinted_row) s`;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Fingerprints of every public table; call inside a transaction after TEXT_SETTINGS. */
export async function fingerprints(trx: Db): Promise<Fingerprints> {
  const out: Fingerprints = {};
  for (const table of await publicTables(trx)) {
    const { rows } = await sql.raw<{ rows: number | string; md5: string }>(fingerprintQuery(table)).execute(trx);
    const row = rows[0] as { rows: number | string; md5: string };
    out[table] = { rows: Number(row.rows), md5: row.md5 };
  }
  return out;
}

/** Fingerprints in one read-only snapshot with the text settings fixed. */
export async function fingerprintDatabase(db: Kysely<unknown>): Promise<Fingerprints> {
  return db.transaction().execute(async (trx) => {
    await sql.raw('set transaction isolation level repeatable read, read only').execute(trx);
    for (const s of TEXT_SETTINGS) await sql.raw(s).execute(trx);
    return fingerprints(trx);
  });
}

/** The last migration applied, or null on a database never migrated. */
export async function schemaVersion(db: Db): Promise<string | null> {
  const exists = await sql<{ ok: boolean }>`select to_regclass('public.kysely_migration') is not null as ok`.execute(db);
  if (!exists.rows[0]?.ok) return null;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return rows[0]?.name ?? null;
}

/** Differences between two sets of fingerprints, one line per table that differs. */
export function compareFingerprints(expected: Fingerprints, actual: Fingerprints): string[] {
  const problems: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) problems.push(`${table}: missing`);
    else if (got.rows !== want.rows) problems.push(`${table}: ${got.rows} rows, expected ${want.rows}`);
    else if (got.md5 !== want.md5) problems.push(`${table}: contents differ`);
  }
  for (const table of Object.keys(actual)) if (!(table in expected)) problems.push(`${table}: not in the backup`);
  return problems;
}
