/**
 * What a database needs before it serves: migrations, the definitions of the computed indicators,
 * the official administrative units, the first administrator, and on an empty database in demo
 * mode the demo data.
 */
import { randomBytes } from 'node:crypto';
import { periodOf, previousPeriods, todayIso } from '@ytcs/common';
import { type Kysely, sql } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import { migrate } from './db/migrate.ts';
import { DEMO_COMMUNE_CODES, DEMO_PLAN_COMMUNE_CODES, type DemoAccount, loadDemoData } from './demo/demo-data.ts';
import { DEMO_POPULATION_SIZE, loadDemoPopulation } from './demo/population.ts';
import { loadDemoEnteredValues, loadDemoPlans } from './demo/demo-plans.ts';
import { recomputeAll, syncIndicatorDefinitions } from './modules/indicators/index.ts';
import { hashPassword } from './modules/auth/passwords.ts';
import { loadOfficialUnits } from './modules/org-units/org-units.service.ts';
import { loadReferenceLists } from './modules/reference/reference-lists.ts';
import type { ServerMessages } from '@ytcs/common';

/** One step of the start (its words in the catalogue, `start.*`); `done`/`total` while a long step goes on. */
export interface StartProgress {
  step: keyof ServerMessages['start'];
  done?: number;
  total?: number;
}
export type ReportProgress = (step: StartProgress) => void;
const quiet: ReportProgress = () => {};

export interface BootstrapResult {
  migrations: string[];
  loadedUnits: boolean;
  admin: { username: string; password: string | null } | null;
  demo: DemoAccount[] | null;
}

/** Migrations and the reference data every database holds (idempotent). */
export async function prepareDatabase(db: Kysely<DB>, report: ReportProgress = quiet) {
  report({ step: 'migrating' });
  const migrations = await migrate(db as Kysely<unknown>);
  await syncIndicatorDefinitions(db);
  const loadedUnits = await loadOfficialUnits(db, () =>
    report({ step: 'officialUnits' }),
  );
  report({ step: 'referenceLists' });
  await loadReferenceLists(db);
  if (loadedUnits) {
    // The load rewrites every old unit once (successor_paths) and leaves no planner statistics;
    // PGlite has no autovacuum, so tidy up here, outside the load's transaction.
    report({ step: 'tidying' });
    await sql`vacuum analyze org_unit, org_unit_succession, icd10`.execute(db);
  }
  return { migrations, loadedUnits };
}

export async function bootstrap(db: Kysely<DB>, config: Pick<Config, 'adminPassword' | 'demo'>, report: ReportProgress = quiet): Promise<BootstrapResult> {
  const { migrations, loadedUnits } = await prepareDatabase(db, report);
  const anyUser = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { migrations, loadedUnits, admin: null, demo: null };

  report({ step: 'admin' });
  const generated = config.adminPassword ? null : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(config.adminPassword ?? (generated as string));
  const adminId = await db.transaction().execute(async (trx) => {
    const root = await trx.selectFrom('org_unit').where('parent_id', 'is', null).where('level', '=', 'country').select('id').executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('app_user')
      .values({ username: 'admin', full_name: 'Quản trị hệ thống', password_hash: passwordHash, must_change_password: generated !== null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('user_role').values({ user_id: user.id, role: 'admin', org_unit_id: root.id }).execute();
    return Number(user.id);
  });
  let demo: DemoAccount[] | null = null;
  if (config.demo) {
    report({ step: 'demoUnits' });
    demo = await loadDemoData(db);
    const total = DEMO_POPULATION_SIZE;
    report({ step: 'demoResidents', done: 0, total });
    await loadDemoPopulation(db, { onBatch: (p) => report({ step: 'demoResidents', done: p.counts.resident, total }) });
    report({ step: 'demoPlans' });
    await loadDemoPlans(db, adminId);
    await loadDemoEnteredValues(db, [...DEMO_COMMUNE_CODES, ...DEMO_PLAN_COMMUNE_CODES], adminId);
    // The figures of the last six quarters and two years, so trends have a history from the start.
    report({ step: 'demoIndicators' });
    const today = todayIso();
    const quarters = previousPeriods(periodOf('quarter', today), 6);
    await recomputeAll(db, [...quarters, String(Number(today.slice(0, 4)) - 1), periodOf('year', today), periodOf('half', today), periodOf('month', today)]);
    await sql`analyze`.execute(db);
  }
  return { migrations, loadedUnits, admin: { username: 'admin', password: generated }, demo };
}
