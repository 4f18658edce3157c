/** Org units: reading the tree a caller may see, and loading the official units once. */
import { foldVietnamese, todayIso } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { REORGANISATION_DATE, readOfficialUnits } from './official-units.ts';
import * as repo from './org-units.repository.ts';

export const COUNTRY_KEY = 'country:VN';

/** Reading the tree needs only the caller's scope of org_unit.read. */
type ReadContext = Pick<RequestContext, 'scope'>;

export function orgUnitService(db: Kysely<DB>) {
  return {
    async list(ctx: ReadContext, query: { level?: string; kind?: string; parent?: number; roots?: boolean; asOf?: string; q?: string; limit: number; offset: number }) {
      const q = query.q ? foldVietnamese(query.q) : undefined;
      const { rows, total } = await repo.listOrgUnits(db, ctx.scope, {
        level: query.level,
        kind: query.kind,
        parentId: query.parent,
        roots: query.roots,
        asOf: query.asOf ?? todayIso(),
        q: q || undefined,
        limit: query.limit,
        offset: query.offset,
      });
      return { items: rows.map(toOrgUnit), total };
    },

    /** One unit as of a date (today by default): its children then, and whether it existed. */
    async get(ctx: ReadContext, id: number, asOf = todayIso()) {
      const unit = await repo.findOrgUnit(db, ctx.scope, id, asOf);
      if (!unit) throw notFound();
      const [ancestors, succession, catchment] = await Promise.all([
        repo.ancestorsOf(db, unit.path),
        repo.successionsOf(db, id),
        repo.catchmentOf(db, id),
      ]);
      return { ...toOrgUnit(unit), asOf, stateOnDate: stateOn(unit, asOf), ancestors, ...succession, ...catchment };
    },
  };
}

function stateOn(unit: { valid_from: string | null; valid_to: string | null }, asOf: string) {
  if (unit.valid_from !== null && unit.valid_from > asOf) return 'future' as const;
  if (unit.valid_to !== null && unit.valid_to < asOf) return 'closed' as const;
  return 'valid' as const;
}

type UnitRow = {
  id: number;
  code: string;
  name: string;
  level: string;
  kind: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  child_count: number;
};

function toOrgUnit(r: UnitRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    childCount: r.child_count,
  };
}

/**
 * On an empty database: the country, then both eras of official units and their successions,
 * in one transaction (a crash leaves the table empty and the next start loads again).
 */
export async function loadOfficialUnits(db: Kysely<DB>, starting: () => void = () => {}): Promise<boolean> {
  if ((await repo.countOrgUnits(db)) > 0) return false;
  starting();
  const { units, successions } = readOfficialUnits();
  await db.transaction().execute(async (trx) => {
    const root = { key: COUNTRY_KEY, parentKey: null, code: 'VN', name: 'Việt Nam', level: 'country', kind: 'country', validFrom: null, validTo: null };
    const placed = await repo.insertOrgUnits(
      trx,
      [root, ...units.map((u) => ({ ...u, parentKey: u.parentKey ?? COUNTRY_KEY }))],
      new Map(),
    );
    await repo.insertSuccessions(trx, successions, placed, REORGANISATION_DATE);
  });
  return true;
}
