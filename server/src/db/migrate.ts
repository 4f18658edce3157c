/** Runs the ordered migrations in migrations/ (Kysely's migrator: one transaction, a lock table). */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as platform from './migrations/2026_11_25_0001_platform.ts';
import * as registry from './migrations/2026_11_25_0002_registry.ts';
import * as imports from './migrations/2026_11_25_0003_imports.ts';
import * as registrySpeed from './migrations/2026_11_25_0004_registry_speed.ts';
import * as plans from './migrations/2026_11_25_0005_plans.ts';
import * as accounts from './migrations/2026_12_02_0006_accounts.ts';
import * as taskParts from './migrations/2026_12_02_0009_task_parts.ts';
import * as auditChain from './migrations/2026_12_02_0012_audit_chain.ts';
import * as importBatches from './migrations/2026_12_03_0013_import_batches.ts';
import * as villageWorkerFigures from './migrations/2026_12_03_0014_village_worker_figures.ts';
import * as importFindings from './migrations/2026_12_03_0015_import_findings.ts';
import * as officialUnitNames from './migrations/2026_12_03_0021_official_unit_names.ts';
import * as householdCodeFolded from './migrations/2026_12_03_0022_household_code_folded.ts';
import * as growthReference from './migrations/2026_12_03_0025_growth_reference.ts';
import * as pregnancy from './migrations/2026_12_03_0026_pregnancy.ts';
import * as immunisationSchedule from './migrations/2026_12_03_0023_immunisation_schedule.ts';

// Listed here rather than read from disk so a bundled or compiled server carries them.
const migrations: Record<string, Migration> = {
  '2026_11_25_0001_platform': platform,
  '2026_11_25_0002_registry': registry,
  '2026_11_25_0003_imports': imports,
  '2026_11_25_0004_registry_speed': registrySpeed,
  '2026_11_25_0005_plans': plans,
  '2026_12_02_0006_accounts': accounts,
  '2026_12_02_0009_task_parts': taskParts,
  '2026_12_02_0012_audit_chain': auditChain,
  '2026_12_03_0013_import_batches': importBatches,
  '2026_12_03_0014_village_worker_figures': villageWorkerFigures,
  '2026_12_03_0015_import_findings': importFindings,
  '2026_12_03_0021_official_unit_names': officialUnitNames,
  '2026_12_03_0022_household_code_folded': householdCodeFolded,
  '2026_12_03_0025_growth_reference': growthReference,
  '2026_12_03_0026_pregnancy': pregnancy,
  '2026_12_03_0023_immunisation_schedule': immunisationSchedule,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations this code knows, in order; a backup's schema version must be one of them. */
export const migrationNames = (): string[] => Object.keys(migrations).sort();
