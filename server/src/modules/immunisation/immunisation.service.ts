/**
 * The immunisation programme's reads: the schedule, and the due list of a commune or village.
 * The due list names children, so it is read through the registry's gateway and audited with the
 * children it returned.
 */
import { type DueList, type DueQuery, addAge, say, todayIso } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { invalid, notFound } from '../../errors.ts';
import { readPersonal } from '../registry/index.ts';
import * as repo from './immunisation.repository.ts';

/** Units whose residents a due list may be asked for: an area, not a facility. */
const AREA_LEVELS = ['country', 'province', 'district', 'commune', 'village'];

export function immunisationService(db: Kysely<DB>) {
  return {
    async schedule() {
      const items = await repo.listSchedule(db);
      return { items, total: items.length };
    },

    async dueList(ctx: RequestContext, query: DueQuery): Promise<DueList> {
      const today = todayIso();
      const day = query.day ?? today;
      // A list is for planning sessions: a year either way is plenty, and keeps the query bounded.
      if (day < addAge(today, -12) || day > addAge(today, 12)) throw invalid([{ field: 'day', ...say('immunisation.dayOutOfRange') }]);
      const unit = await repo.findArea(db, query.orgUnit);
      if (!unit) throw notFound();
      if (!AREA_LEVELS.includes(unit.level)) throw invalid([{ field: 'orgUnit', ...say('immunisation.unitNotArea') }]);
      const search = { unitPath: unit.path, day, status: query.status, antigen: query.antigen, limit: query.limit ?? 50, offset: query.offset ?? 0 };
      const page = await readPersonal(
        db,
        ctx,
        (trx) => repo.dueList(trx, ctx.scope, search),
        (found) => [
          {
            action: 'immunisation.due_list',
            entityType: 'resident',
            orgUnitId: unit.id,
            details: { day, status: query.status ?? null, antigen: query.antigen ?? null, results: found.items.length, residents: found.items.map((c) => c.residentId) },
          },
        ],
      );
      return { ...page, day };
    },
  };
}
