/**
 * Speed for the registry's two heavy paths. Search: one trigram index keyed by commune as well
 * (btree_gin), so a search inside a commune reads only that commune's entries; a multicolumn GIN
 * index answers a condition on any subset of its columns, so it also serves province-wide name
 * searches and replaces the trigram-only index (one GIN to maintain per insert, not two).
 * resident_commune_name (commune_id, name_folded) is the prefix of resident_duplicate_key
 * (commune_id, name_folded, birth_year), which answers the same look-ups. Import: staged rows
 * are a working copy (the file can be uploaded again), so they skip the write-ahead log, and only
 * invalid rows keep their cells as read (for the errors file).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists btree_gin;
    create index resident_commune_name_trgm on resident using gin (commune_id, name_folded gin_trgm_ops);
    drop index resident_name_trgm;
    drop index resident_commune_name;
    -- After a crash PostgreSQL empties an unlogged table: the commit then finds fewer staged rows
    -- than the preview counted and refuses (the file must be uploaded again), never half-imports.
    alter table import_row set unlogged;
    -- A valid row's cells are not kept (its checked values are): only invalid rows need them.
    alter table import_row alter column cells drop not null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
