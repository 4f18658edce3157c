/**
 * A village health worker sees the figures of their village (coverage of health records and
 * insurance, the dashboard): they keep that village's register, so the figures tell them nothing
 * they cannot read person by person, and they are the ones who close its gaps.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into role_permission (role, permission) values ('village_worker', 'aggregate.read') on conflict do nothing`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
