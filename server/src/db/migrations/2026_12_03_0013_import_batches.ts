/**
 * Imports committed in short batches instead of one long transaction: on PGlite (one connection)
 * a 500,000-row commit held the database for minutes and every other request waited. Each batch
 * is its own transaction, so the job keeps how far it got (committed_group: the last household
 * group written; done_rows, inserted, skipped, households so far) and a stopped commit resumes
 * there. A row's group is its household's first row (or its own row without a household), so a
 * household never straddles two batches. import_household maps each household of the file to the
 * household it went to, for the batches that follow. upload_token lets the page that sent a file
 * follow its preview before the answer comes.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table import_job
      add column committed_group int not null default 0,
      add column done_rows int not null default 0,
      add column upload_token text,
      -- the largest resident id when the commit began: people registered by the file's own
      -- earlier batches are not look-alikes of its later rows (the preview counted them as new)
      add column registry_ceiling bigint;
    update import_job set done_rows = coalesce(inserted, 0) + coalesce(skipped, 0) where status = 'committed';
    create index import_job_upload on import_job (created_by, upload_token) where upload_token is not null;
    alter table import_row add column group_no int;
    update import_row set group_no = row_no;
    create index import_row_group on import_row (job_id, group_no) where resident is not null;
    -- A batch finds the households of its rows by address with an index look-up each, not by
    -- grouping every household of the commune (which grew with the import and held PGlite for seconds).
    create index household_address_folded on household (commune_id, ytcs_fold(address));
    create table import_household (
      job_id bigint not null references import_job(id) on delete cascade,
      key text not null,
      household_id bigint not null references household(id),
      created boolean not null,
      primary key (job_id, key)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
