/**
 * Households are found by their number as people type it ("tdp5-902" for TDP5-902): the search
 * compares the folded number, so it gets an index of its own.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index household_code_folded on household (ytcs_fold(code)) where code is not null`.execute(db);
}

export async function down(): Promise<void> {}
