/**
 * A million-row import held PGlite's one connection for seconds, again and again: the job's view
 * (its first 200 errors and warnings, asked by the page every second during a commit) walked every
 * staged row to find the few with findings, and the preview's last step walked them all to find the
 * households with an invalid row. Partial indexes hold only the rows with findings, so these
 * look-ups cost what the findings are, not what the file is.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index import_row_errors on import_row (job_id, row_no) where errors is not null;
    create index import_row_warnings on import_row (job_id, row_no) where warnings <> '[]'::jsonb;
    create index import_row_invalid on import_row (job_id, group_no) where resident is null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
