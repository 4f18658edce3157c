/** Reading the reference lists: ICD-10 search, ethnic groups, vaccines. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { containing } from '../../db/like.ts';

export async function searchIcd10(db: Kysely<DB>, q: string, limit: number, offset: number) {
  const like = containing(q);
  const base = db.selectFrom('icd10').where((eb) => (q ? eb('search_text', 'like', like) : sql<boolean>`true`));
  const [items, count] = await Promise.all([
    base
      .select(['code', 'name_vi as nameVi', 'name_en as nameEn', 'chapter'])
      // A code typed in full first, then codes starting with it, then names holding the words as
      // typed; within each, categories before subcategories.
      .orderBy(sql`case when lower(code) = ${q} then 0 when lower(code) like ${`${q}%`} then 1 when search_text like ${`% ${q}%`} then 2 else 3 end`)
      .orderBy(sql`length(code)`)
      // Among word matches the list's own order reads best (I10 before I15); fuzzy ones by likeness.
      .orderBy(sql`case when search_text like ${`% ${q}%`} then 0 else 1 - similarity(search_text, ${q}) end`)
      .orderBy('code')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

export function listEthnicGroups(db: Kysely<DB>) {
  return db.selectFrom('ethnic_group').select(['code', 'name', 'other_names as otherNames']).orderBy('code').execute();
}

export function listVaccines(db: Kysely<DB>) {
  return db.selectFrom('vaccine').select(['code', 'name_vi as nameVi', 'name_en as nameEn', 'expanded_programme as expandedProgramme']).orderBy('sort').execute();
}
