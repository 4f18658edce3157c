/** SQL of pregnancies: the rows, their antenatal visits, the station's list with each standing (the twin of common's rule). */
import type { AntenatalRow, Pregnancy } from '@ytcs/common';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import { ancStandingOn, sqlDate } from '../../db/rules.ts';
import type { DB } from '../../db/schema.ts';
import { homeUnitInScope } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

function selectPregnancy(db: Db) {
  return db
    .selectFrom('pregnancy as p')
    .select([
      'p.id',
      'p.resident_id as residentId',
      iso('p.lmp').as('lmp'),
      iso('p.edd').as('edd'),
      'p.gravida',
      'p.para',
      'p.risks',
      'p.note',
      'p.status',
      'p.outcome',
      iso('p.outcome_date').as('outcomeDate'),
      'p.delivery_place as place',
      'p.attendant',
      'p.newborn_id as newbornId',
      // The antenatal visits from the last period to the outcome (or today).
      sql<string[]>`coalesce((select array_agg(to_char(e.date, 'YYYY-MM-DD') order by e.date) from encounter e
        where e.resident_id = p.resident_id and e.type = 'antenatal' and e.date >= p.edd - 280 and e.date <= coalesce(p.outcome_date, current_date)), '{}')`.as('visits'),
      sql<Pregnancy['standing']>`case when p.status = 'ongoing' then ${ancStandingOn('p', sql`current_date`)} end`.as('standing'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectPregnancy>['executeTakeFirstOrThrow']>>;
const toPregnancy = (r: Row): Pregnancy => ({ ...r, id: Number(r.id), residentId: Number(r.residentId), newbornId: r.newbornId === null ? null : Number(r.newbornId) }) as Pregnancy;

export async function pregnanciesOf(db: Db, residentId: number): Promise<Pregnancy[]> {
  return (await selectPregnancy(db).where('p.resident_id', '=', residentId).orderBy('p.edd', 'desc').execute()).map(toPregnancy);
}

export async function findPregnancy(db: Db, id: number): Promise<Pregnancy | null> {
  const row = await selectPregnancy(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toPregnancy(row) : null;
}

export async function hasOngoing(db: Db, residentId: number): Promise<boolean> {
  return !!(await db.selectFrom('pregnancy').where('resident_id', '=', residentId).where('status', '=', 'ongoing').select('id').executeTakeFirst());
}

export async function insertPregnancy(db: Db, p: { residentId: number; communeId: number; lmp: string | null; edd: string; gravida: number | null; para: number | null; risks: string[]; note: string | null; recordedBy: number | null }) {
  const row = await db
    .insertInto('pregnancy')
    .values({ resident_id: p.residentId, commune_id: p.communeId, lmp: p.lmp, edd: p.edd, gravida: p.gravida, para: p.para, risks: p.risks, note: p.note, recorded_by: p.recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function endPregnancy(db: Db, id: number, o: { outcome: string; date: string; place: string | null; attendant: string | null; newbornId: number | null }) {
  await db
    .updateTable('pregnancy')
    .set({ status: o.outcome === 'live_birth' || o.outcome === 'stillbirth' ? 'delivered' : 'ended', outcome: o.outcome, outcome_date: o.date, delivery_place: o.place, attendant: o.attendant, newborn_id: o.newbornId })
    .where('id', '=', id)
    .execute();
}

/**
 * The ongoing pregnancies of women in the caller's scope (and under `unitPath`), with how far
 * along each is and where her antenatal care stands on `on`: missed first, then due, nearest
 * delivery first.
 */
export async function antenatalList(db: Db, scope: Scope, q: { unitPath?: string; standing?: string; on: string; limit: number; offset: number }): Promise<{ items: AntenatalRow[]; total: number }> {
  const on = sqlDate(q.on);
  let rows = db
    .selectFrom('pregnancy as p')
    .innerJoin('resident as r', 'r.id', 'p.resident_id')
    .leftJoin('org_unit as v', 'v.id', 'r.village_id')
    // Her antenatal visits so far, counted and dated in one pass.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('encounter as e')
          .whereRef('e.resident_id', '=', 'p.resident_id')
          .where('e.type', '=', 'antenatal')
          .where(sql<boolean>`e.date between p.edd - 280 and ${on}`)
          .select([sql<number>`count(*)::int`.as('visits'), sql<string | null>`to_char(max(e.date), 'YYYY-MM-DD')`.as('lastVisit')])
          .as('anc'),
      (join) => join.onTrue(),
    )
    .where('p.status', '=', 'ongoing')
    .where('r.status', '=', 'active')
    .where(homeUnitInScope(db, 'r.home_unit_id', scope))
    .select([
      'p.id as pregnancyId',
      'r.id as residentId',
      'r.full_name as fullName',
      sql<number | null>`coalesce(extract(year from r.birth_date)::int, r.birth_year)`.as('birthYear'),
      'v.name as villageName',
      'r.phone',
      iso('p.edd').as('edd'),
      sql<number>`((${on} - (p.edd - 280)) / 7)::int`.as('weeks'),
      'anc.visits',
      'anc.lastVisit',
      'p.risks',
      ancStandingOn('p', on).as('standing'),
    ]);
  if (q.unitPath) rows = rows.where('r.home_unit_id', 'in', db.selectFrom('org_unit as f').where(sql<boolean>`f.path <@ ${q.unitPath}::ltree`).select('f.id'));
  const listed = db.selectFrom(rows.as('a')).where((eb) => (q.standing ? eb('a.standing', '=', q.standing as AntenatalRow['standing']) : eb.lit(true)));
  const [items, total] = await Promise.all([
    listed
      .selectAll()
      .orderBy(sql`case a.standing when 'missed' then 0 when 'due' then 1 else 2 end`)
      .orderBy('a.edd')
      .orderBy('a.pregnancyId')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    listed.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((r) => ({ ...r, pregnancyId: Number(r.pregnancyId), residentId: Number(r.residentId) }) as AntenatalRow), total: total.n };
}
