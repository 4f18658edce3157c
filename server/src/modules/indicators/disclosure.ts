/**
 * The small-cell rule (common/src/disclosure.ts) applied to what a reader without access to
 * personal records may fetch. The hidden set is computed over the whole table such a reader can
 * reach for an indicator and a year — every unit under the top of their scope, every period of
 * the year — so the answer for a figure does not depend on which endpoint or which other figures
 * were asked for. Readers who may see the people behind a figure see it all, as before.
 */
import { type AdditiveRelation, type CountCell, isSmallCount, parsePeriod, periodRelations, periodsOfYear, suppressCells } from '@ytcs/common';
import type { Kysely, } from 'kysely';
import { isWithin } from '../../access/paths.ts';
import type { RequestContext } from '../../access/context.ts';
import { covers } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { type IndicatorRow, type RolledUpValue, type TreeUnit, areaTree, rolledUp } from './indicators.repository.ts';

const validOn = (u: TreeUnit, day: string) => (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day);

/** A unit's figure for a period as the API serves it: an entered indicator's quarter without a value of its own shows its year's. */
export function servedValue(byKey: Map<string, RolledUpValue>, indicator: IndicatorRow, unitId: number, period: string): RolledUpValue | undefined {
  const own = byKey.get(`${unitId}:${indicator.id}:${period}`);
  if (own || indicator.source !== 'entered' || period.length <= 4) return own;
  return byKey.get(`${unitId}:${indicator.id}:${period.slice(0, 4)}`);
}

/** The cells and relations of one indicator over a unit tree and a year, and the cells to hide. */
export function hiddenCells(tree: TreeUnit[], values: RolledUpValue[], indicator: IndicatorRow, year: number, fixed: (path: string) => boolean, k: number): Set<string> {
  const periods = periodsOfYear(year);
  const byKey = new Map(values.map((v) => [`${v.unitId}:${v.indicatorId}:${v.period}`, v]));
  const cells: CountCell[] = [];
  const relations: AdditiveRelation[] = [];
  for (const u of tree) {
    for (const p of periods) {
      const v = servedValue(byKey, indicator, u.id, p);
      if (!v) continue;
      cells.push({ key: `${u.id}|${p}`, numerator: v.numerator, denominator: v.denominator, fixed: fixed(u.path) });
      // A borrowed yearly figure is the year's figure: hidden with it or not at all.
      if (v.period !== p) relations.push({ total: `${u.id}|${v.period}`, parts: [`${u.id}|${p}`] });
    }
    for (const r of periodRelations(year)) relations.push({ total: `${u.id}|${r.total}`, parts: r.parts.map((x) => `${u.id}|${x}`) });
  }
  const children = new Map<number, TreeUnit[]>();
  for (const u of tree) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  for (const [parent, kids] of children) {
    if (!tree.some((u) => u.id === parent)) continue;
    for (const p of periods) {
      const end = parsePeriod(p)?.end ?? `${year}-12-31`;
      relations.push({ total: `${parent}|${p}`, parts: kids.filter((c) => validOn(c, end)).map((c) => `${c.id}|${p}`) });
    }
  }
  return suppressCells(cells, relations, k);
}

/**
 * What one reader may not see, for the length of one request: whether a unit's figure for an
 * indicator and period is hidden. Tables are built once per top unit and year, lazily.
 */
export function disclosureFor(db: Kysely<DB>, ctx: RequestContext, k: number) {
  const aggregate = ctx.scopeFor('aggregate.read');
  const people = ctx.scopeFor('person.read');
  const tables = new Map<string, Promise<{ tree: TreeUnit[]; values: RolledUpValue[] }>>();
  const hiddenSets = new Map<string, Promise<Set<string>>>();

  const table = (rootPath: string, year: number, indicators: IndicatorRow[]) => {
    const key = `${rootPath}|${year}|${indicators.map((i) => i.id).join(',')}`;
    let found = tables.get(key);
    if (!found) {
      found = (async () => {
        const tree = await areaTree(db, rootPath, year);
        const periods = periodsOfYear(year);
        const values = await rolledUp(
          db,
          tree.map((u) => u.id),
          indicators.map((i) => i.id),
          periods,
        );
        return { tree, values };
      })();
      tables.set(key, found);
    }
    return found;
  };

  return {
    /** Whether the reader sees everything about this unit (they may read the people behind it). */
    seesAll: (path: string) => covers(people, path),
    /**
     * Whether the figure is hidden. `counting` is every indicator that counts people (fetched
     * together so a dashboard's indicators cost one read).
     */
    async hidden(indicator: IndicatorRow, unit: { id: number; path: string }, period: string, counting: IndicatorRow[], shown?: { numerator: number; denominator: number | null }): Promise<boolean> {
      if (!indicator.countsPeople || covers(people, unit.path)) return false;
      const parsed = parsePeriod(period);
      const rootPath = aggregate.paths.find((p) => isWithin(unit.path, p)) ?? unit.path;
      if (!parsed) return true;
      const key = `${rootPath}|${parsed.year}|${indicator.id}|${counting.map((i) => i.id).join(',')}`;
      let set = hiddenSets.get(key);
      if (!set) {
        set = table(rootPath, parsed.year, counting).then(({ tree, values }) => hiddenCells(tree, values, indicator, parsed.year, (p) => covers(people, p), k));
        hiddenSets.set(key, set);
      }
      // A unit outside the tree (history under a merged unit's successor) is judged on its own figure.
      return (await set).has(`${unit.id}|${period}`) || (shown !== undefined && isSmallCount(shown.numerator, shown.denominator, k));
    },
  };
}

export type Disclosure = ReturnType<typeof disclosureFor>;
