/**
 * The demo's plans: the three real seed plans read by the plan importer (as a user would, minus
 * the review), saved against their real issuing units. Two of those units were closed by the 2025
 * reorganisation; their plans are judged on the units that inherited their area. Targets the
 * importer could not tie to an indicator are left out, as a reviewer would.
 */
import fs from 'node:fs';
import { type PlanDraft, parsePlanText } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { DB } from '../db/schema.ts';
import { listIndicators } from '../modules/indicators/index.ts';
import type { NewPlan } from '@ytcs/common';
import { areaOf, insertPlan } from '../modules/plans/index.ts';

const PLANS_DIR = new URL('../../data/plans/', import.meta.url);

/** Which unit issued each seed: the level, official code and whether the unit is a current one. */
export const DEMO_PLANS = [
  { file: '000_812f56a7d619c33e.txt', level: 'district', code: '058', current: false }, // Thành phố Bắc Kạn
  { file: '001_80999d4dcc832dbf.txt', level: 'commune', code: '12115', current: false }, // Xã Hòa Phong, Mỹ Hào
  { file: '004_ff488d6228f09c81.txt', level: 'commune', code: '16480', current: true }, // Xã Quảng Yên, Thanh Hóa
] as const;

/** A reviewed draft: what the importer read, with the targets tied to an indicator. */
export function planFromDraft(orgUnitId: number, draft: PlanDraft): Static<typeof NewPlan> {
  return {
    orgUnitId,
    number: draft.number,
    issuedOn: draft.issuedOn,
    title: draft.title,
    implements: draft.implements,
    parentRef: draft.parentPlan,
    legalBasis: draft.legalBasis,
    fromYear: draft.fromYear,
    toYear: draft.toYear,
    recipients: draft.recipients,
    signer: draft.signer,
    // A target without an indicator or a plausible value waits for a person; the demo leaves it out.
    targets: draft.targets.flatMap((t) =>
      t.indicatorCode && t.value !== null ? [{ indicator: t.indicatorCode, comparator: t.comparator, value: t.value, year: t.year, baseline: t.baseline, baselineYear: t.baselineYear, text: t.text }] : [],
    ),
    tasks: draft.tasks.map((t) => ({
      section: t.section,
      text: t.text,
      lead: t.lead[0] ?? null,
      coordinating: [...t.lead.slice(1), ...t.coordinating],
      deadline: t.deadline,
      recurring: t.recurring,
    })),
  };
}

export async function loadDemoPlans(db: Kysely<DB>, userId: number | null): Promise<number[]> {
  const indicators = await listIndicators(db);
  const indicatorIds = new Map(indicators.map((i) => [i.code, i.id]));
  const ids: number[] = [];
  for (const seed of DEMO_PLANS) {
    const unit = await db
      .selectFrom('org_unit')
      .where('level', '=', seed.level)
      .where('code', '=', seed.code)
      .where('valid_to', seed.current ? 'is' : 'is not', null)
      .select('id')
      .executeTakeFirst();
    if (!unit) throw new Error(`demo plans: unit ${seed.level} ${seed.code} is not in the org-unit table`);
    const draft = parsePlanText(fs.readFileSync(new URL(seed.file, PLANS_DIR), 'utf8'));
    const area = await areaOf(db, unit.id);
    const input = planFromDraft(unit.id, draft);
    ids.push(await db.transaction().execute((trx) => insertPlan(trx, { unitId: unit.id, area, input, indicatorIds, userId })));
  }
  return ids;
}

/**
 * Figures the product does not hold records for yet (staff, National Criteria), as a station
 * would enter them for the demo communes: whether the station has a doctor, villages with a
 * trained health worker, whether the commune meets the National Criteria. Made up, like the
 * demo's residents.
 */
export async function loadDemoEnteredValues(db: Kysely<DB>, communeCodes: readonly string[], userId: number | null): Promise<void> {
  const communes = await db
    .selectFrom('org_unit as c')
    .where('c.level', '=', 'commune')
    .where('c.valid_to', 'is', null)
    .where('c.code', 'in', [...communeCodes])
    .select(['c.id', 'c.code', (eb) => eb.selectFrom('org_unit as v').whereRef('v.parent_id', '=', 'c.id').where('v.level', '=', 'village').select((e) => e.fn.countAll<number>().as('n')).as('villages')])
    .orderBy('c.code')
    .execute();
  const ids = new Map((await listIndicators(db)).map((i) => [i.code, i.id]));
  const rows = communes.flatMap((c, n) => {
    const villages = Number(c.villages);
    return ['2025', '2026'].flatMap((period, y) => [
      { indicator: 'TYT_BS', numerator: n === 2 && y === 0 ? 0 : 1, denominator: 1 },
      { indicator: 'THON_NVYT', numerator: Math.max(0, villages - 2 + y - (n % 2)), denominator: villages },
      { indicator: 'XA_TCQG', numerator: n === 2 ? 0 : 1, denominator: 1 },
    ].map((v) => ({ indicator_id: ids.get(v.indicator) as number, org_unit_id: Number(c.id), period, numerator: v.numerator, denominator: v.denominator, origin: 'entered' as const, entered_by: userId, updated_at: new Date() })));
  });
  if (rows.length > 0) await db.insertInto('indicator_value').values(rows).execute();
}
