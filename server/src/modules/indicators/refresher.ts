/**
 * Keeps computed indicator values fresh: triggers on the counted records queue the commune
 * (indicator_refresh), and this loop recomputes the queued communes' current periods every
 * interval, in the same transaction that takes them off the queue, so a crash re-queues them.
 * SKIP LOCKED lets several server processes share the queue.
 */
import { type PeriodType, parsePeriod, periodOf, todayIso } from '@ytcs/common';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type PeriodSpan, recomputeCommunes } from './computations.ts';

const PERIOD_TYPES: PeriodType[] = ['year', 'half', 'quarter', 'month'];
/** Communes per transaction: a province's backlog is worked off without a long lock. */
const BATCH = 100;

/** The periods containing a day, all ending on that day for the computation (figures to date). */
export function currentPeriods(today: string): PeriodSpan[] {
  return PERIOD_TYPES.map((type) => {
    const code = periodOf(type, today);
    const period = parsePeriod(code);
    if (!period) throw new Error(`period ${code}`);
    return { code, start: period.start };
  });
}

/**
 * Recomputes every commune for the given periods (history after a first load, the benchmark):
 * each period counted as of its end, or today for the current one.
 */
export async function recomputeAll(db: Kysely<DB>, codes: string[], today = todayIso()): Promise<void> {
  const byEnd = new Map<string, PeriodSpan[]>();
  for (const code of codes) {
    const period = parsePeriod(code);
    if (!period || period.start > today) continue;
    const end = [period.end, today].sort()[0] as string; // the period's end, or today for the current one
    byEnd.set(end, [...(byEnd.get(end) ?? []), { code, start: period.start }]);
  }
  for (const [end, spans] of byEnd) await db.transaction().execute((trx) => recomputeCommunes(trx, null, end, spans));
}

/** Takes up to BATCH queued communes and recomputes them; returns how many it took. */
export async function refreshQueued(db: Kysely<DB>, today = todayIso()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const taken = await sql<{ commune_id: string }>`
      delete from indicator_refresh where commune_id in (
        select commune_id from indicator_refresh r
        -- A commune an import is still writing waits: its figures are recomputed once, after the last
        -- batch, not after each (on PGlite each recompute of a large commune held the connection for seconds).
        where not exists (select 1 from import_job j where j.commune_id = r.commune_id and j.status = 'committing')
        order by queued_at limit ${BATCH} for update skip locked
      ) returning commune_id
    `.execute(trx);
    const communes = taken.rows.map((r) => Number(r.commune_id));
    if (communes.length > 0) await recomputeCommunes(trx, communes, today, currentPeriods(today));
    return communes.length;
  });
}

/** Queues every commune with residents when the current month has no computed value yet (first start, new month). */
export async function queueIfPeriodMissing(db: Kysely<DB>, today = todayIso()): Promise<boolean> {
  const month = periodOf('month', today);
  const found = await db.selectFrom('indicator_value').where('period', '=', month).where('origin', '=', 'computed').select('org_unit_id').limit(1).executeTakeFirst();
  if (found) return false;
  await sql`insert into indicator_refresh (commune_id) select distinct commune_id from resident on conflict do nothing`.execute(db);
  return true;
}

export interface Refresher {
  stop(): Promise<void>;
  /** Works the queue off now (tests, benchmarks, the demo loader). */
  drain(): Promise<void>;
}

export function startRefresher(db: Kysely<DB>, intervalMs: number, onError: (e: unknown) => void): Refresher {
  let running: Promise<void> | null = null;
  let stopped = false;
  let checkedMonth = '';
  const drain = async () => {
    // A new month (or a first start) needs every commune's figures, not just the changed ones.
    const month = periodOf('month', todayIso());
    if (month !== checkedMonth) {
      await queueIfPeriodMissing(db);
      checkedMonth = month;
    }
    while ((await refreshQueued(db)) > 0) {}
  };
  const tick = () => {
    if (running || stopped) return;
    running = drain()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
    async drain() {
      await running;
      await drain();
    },
  };
}
