/**
 * A coordinating agency reports on its own part of a task: its update is kept in the task's
 * history, named after the agency, and leaves the task's status and progress as the lead set them.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- null: the update is the task's own (its lead, or the issuer); otherwise the partner whose part it reports
    alter table task_update add column partner_agency_id bigint references agency(id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
