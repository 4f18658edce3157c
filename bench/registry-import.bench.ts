/**
 * Bulk import of residents through the real API (upload with preview, then commit) against raw
 * COPY of the same people into the same `resident` table, with all its indexes, in the same run.
 *
 * The file is a generated CSV of ROWS new people of one commune (the station user's), written
 * with the headers and labels the register export uses. Its personal IDs and household numbers
 * continue after those in the database, so every row is new and the commit inserts them all.
 * The COPY goes first, inside a transaction that is rolled back (the same people cannot be
 * registered twice), then VACUUM of `resident` removes what it left before the import runs.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { generatePopulation, type HouseholdRow, type ResidentRow } from '@ytcs/population';
import { DEMO_PROVINCE_CODE } from '../server/src/demo/demo-data.ts';
import { headerOf } from '../server/src/modules/imports/imports.columns.ts';
import { ethnicityReader } from '../server/src/modules/imports/imports.values.ts';
import { REGISTER_COLUMNS, registerCells } from '../server/src/modules/imports/register-export.ts';
import { probeHealth } from './lib/health-probe.ts';
import { postMultipart, request } from './lib/http.ts';
import { POPULATION_AS_OF } from './lib/population.ts';
import { provinceCommunes, villagesAndFacilities } from '../server/src/demo/population-province.ts';
import { type BenchResult, result } from './lib/results.ts';
import type { Summary } from './lib/stats.ts';
import type { RegistryContext } from './registry-search.bench.ts';

const USERNAME = 'tram.ducxuan';
const COMMUNE_CODE = '01840'; // Phường Đức Xuân, the station user's commune
const SEED = 2; // not the population's seed: other households, other names
/** Every figure here is one pass of a long operation; the goal is a share of raw COPY's speed. */
const GOAL_SHARE_OF_COPY = 0.5;


const COPY_COLUMNS = [
  'commune_id',
  'village_id',
  'relationship',
  'full_name',
  'sex',
  'birth_date',
  'birth_year',
  'citizen_id',
  'insurance_code',
  'social_insurance_no',
  'insurance_valid_from',
  'insurance_valid_to',
  'insurance_facility',
  'beneficiary_group',
  'phone',
  'ethnicity_code',
  'occupation',
  'residence_status',
] as const satisfies readonly (keyof ResidentRow)[];

/** A CSV field: quoted when it has to be; null as an unquoted empty field (COPY's CSV null). */
const field = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
};
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const once = (rows: number, ms: number): Summary => ({ count: rows, seconds: Number((ms / 1000).toFixed(2)), perSecond: perSecond(rows, ms), latencyMs: { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN } });

/** ROWS new people of the commune, as the generator makes them, continuing the database's ID serials and household numbers. */
async function generateRows(ctx: RegistryContext, rows: number) {
  const db = ctx.bench.database.db;
  const commune = (await provinceCommunes(db, DEMO_PROVINCE_CODE)).find((c) => c.code === COMMUNE_CODE);
  if (!commune) throw new Error(`commune ${COMMUNE_CODE} not found`);
  const units = await villagesAndFacilities(db, [commune.id]);
  const villages = units.villages.map((v) => ({ id: v.id, name: v.name }));
  const station = units.stations[0];
  const centre = units.centres[0];
  const last = await sql<{ id: number }>`select coalesce(max(id), 0)::bigint as id from resident`.execute(db);
  const serials = await sql<{ prefix: string; n: number }>`select left(citizen_id, 6) as prefix, count(*)::int as n from resident where citizen_id is not null group by 1`.execute(db);
  const numbers = await sql<{ top: number | null }>`
    select max(substring(code from '\\.([0-9]+)$')::int) as top from household where commune_id = ${commune.id} and code ~ '^[0-9]+\\.[0-9]+$'
  `.execute(db);
  const residents: ResidentRow[] = [];
  const households = new Map<number, HouseholdRow>();
  for (const batch of generatePopulation({
    seed: SEED,
    asOf: POPULATION_AS_OF,
    totalResidents: rows,
    insuranceProvinceCode: DEMO_PROVINCE_CODE,
    sequenceStart: Number(last.rows[0]?.id ?? 0),
    citizenIdsIssued: new Map(serials.rows.map((r) => [r.prefix, Number(r.n)])),
    householdNumbersTaken: new Map([[commune.id, Number(numbers.rows[0]?.top ?? 0)]]),
    communes: [
      {
        communeId: commune.id,
        communeCode: commune.code,
        provinceBirthCode: commune.birthCode,
        name: commune.name,
        kind: commune.kind,
        villages,
        stationId: station?.id ?? null,
        facilities: [{ name: station?.name ?? `Trạm Y tế ${commune.name}`, weight: 75 }, ...(centre ? [{ name: centre.name, weight: 25 }] : [])],
      },
    ],
  })) {
    residents.push(...batch.residents);
    for (const h of batch.households) households.set(h.key, h);
  }
  return { commune, villages, residents, households };
}

function importCsv(data: Awaited<ReturnType<typeof generateRows>>, ethnicityName: (code: string | null) => string): string {
  const villageName = new Map(data.villages.map((v) => [v.id, v.name]));
  const lines = [REGISTER_COLUMNS.map((c) => field(headerOf(c))).join(',')];
  for (const r of data.residents) {
    const h = data.households.get(r.household_key);
    // The export's own cells, so the file is what a station would send back.
    const cells = registerCells(
      {
        village: r.village_id ? (villageName.get(r.village_id) ?? null) : null,
        householdCode: h?.code ?? null,
        address: h?.address ?? null,
        relationship: r.relationship,
        fullName: r.full_name,
        sex: r.sex,
        birthDate: r.birth_date,
        birthYear: r.birth_year,
        citizenId: r.citizen_id,
        insuranceCode: r.insurance_code,
        insuranceValidFrom: r.insurance_valid_from,
        insuranceValidTo: r.insurance_valid_to,
        insuranceFacility: r.insurance_facility,
        beneficiaryGroup: r.beneficiary_group,
        phone: r.phone,
        ethnicityCode: r.ethnicity_code,
        occupation: r.occupation,
        residenceStatus: r.residence_status,
      },
      ethnicityName,
    );
    lines.push(cells.map((v) => (v === '' ? '' : field(v))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * What the import really writes, as raw COPY: the households, the people (with their household)
 * and one "registered" life event each, into the real tables with all their indexes and foreign
 * keys, in one transaction rolled back. Explicit ids (after the largest in use) link the three.
 * Not included: the households' heads (the import sets them with one UPDATE afterwards).
 */
async function copyWhatImportWrites(ctx: RegistryContext, data: Awaited<ReturnType<typeof generateRows>>): Promise<{ ms: number; households: number; lifeEvents: number }> {
  const top = async (table: string) => Number(((await ctx.bench.raw(`select coalesce(max(id), 0)::bigint as n from ${table}`, [])).rows[0] as { n: number }).n);
  const [householdBase, residentBase] = [await top('household'), await top('resident')];
  const householdId = new Map<number, number>();
  const householdLines: string[] = [];
  for (const h of data.households.values()) {
    householdId.set(h.key, householdBase + householdId.size + 1);
    householdLines.push([householdId.get(h.key), h.commune_id, h.village_id, h.code, h.address].map((v) => field(v ?? null)).join(','));
  }
  const today = new Date().toISOString().slice(0, 10);
  const residentLines: string[] = [];
  const eventLines: string[] = [];
  data.residents.forEach((r, i) => {
    const id = residentBase + i + 1;
    residentLines.push([id, householdId.get(r.household_key) ?? null, ...COPY_COLUMNS.map((c) => r[c])].map((v) => field(v ?? null)).join(','));
    eventLines.push([id, r.commune_id, 'registered', today, r.village_id ?? r.commune_id].map((v) => field(v)).join(','));
  });
  await ctx.bench.raw('begin', []);
  try {
    let ms = await ctx.bench.copyCsv('household (id, commune_id, village_id, code, address)', `${householdLines.join('\n')}\n`);
    ms += await ctx.bench.copyCsv(`resident (id, household_id, ${COPY_COLUMNS.join(', ')})`, `${residentLines.join('\n')}\n`);
    ms += await ctx.bench.copyCsv('life_event (resident_id, commune_id, kind, date, to_unit_id)', `${eventLines.join('\n')}\n`);
    return { ms, households: householdLines.length, lifeEvents: eventLines.length };
  } finally {
    await ctx.bench.raw('rollback', []);
  }
}

const copyCsv = (residents: ResidentRow[]) => `${residents.map((r) => COPY_COLUMNS.map((c) => field(r[c])).join(',')).join('\n')}\n`;

export async function benchRegistryImport(ctx: RegistryContext, rows: number): Promise<BenchResult> {
  const token = ctx.tokens.get(USERNAME);
  if (!token) throw new Error(`${USERNAME} is not signed in`);
  const db = ctx.bench.database.db;
  const t0 = performance.now();
  const data = await generateRows(ctx, rows);
  const groups = await db.selectFrom('ethnic_group').select(['code', 'name', 'other_names']).execute();
  const file = Buffer.from(importCsv(data, ethnicityReader(groups).name), 'utf8');
  const copyRows = copyCsv(data.residents);
  const prepareSeconds = (performance.now() - t0) / 1000;
  const target = `resident (${COPY_COLUMNS.join(', ')})`;
  const loadBefore = os.loadavg().map((x) => Number(x.toFixed(2)));

  // Raw COPY, first into a bare copy of the table (no index, no constraint: the floor), then into
  // the table itself, in a transaction rolled back afterwards.
  await ctx.bench.raw('create table bench_resident_bare (like resident including defaults including generated including identity)', []);
  const bareMs = await ctx.bench.copyCsv(`bench_resident_bare (${COPY_COLUMNS.join(', ')})`, copyRows);
  await ctx.bench.raw('drop table bench_resident_bare', []);
  await ctx.bench.raw('begin', []);
  let copyMs: number;
  try {
    copyMs = await ctx.bench.copyCsv(target, copyRows);
  } finally {
    await ctx.bench.raw('rollback', []);
  }
  const whatImportWrites = await copyWhatImportWrites(ctx, data);
  const tv = performance.now();
  await ctx.bench.raw('vacuum resident', []);
  await ctx.bench.raw('vacuum household', []);
  await ctx.bench.raw('vacuum life_event', []);
  const vacuumSeconds = (performance.now() - tv) / 1000;

  // The import: upload with preview, then commit, as the station's user.
  const headers = { cookie: `ytcs_session=${token}` };
  const rssBefore = Math.round(process.memoryUsage().rss / 2 ** 20);
  const previewProbe = probeHealth(ctx.base);
  const upload = await postMultipart(`${ctx.base}/api/imports?unitId=${data.commune.id}`, headers, {}, { field: 'file', name: `dan-cu-${COMMUNE_CODE}.csv`, type: 'text/csv', data: file });
  if (upload.status !== 201) throw new Error(`import preview → ${upload.status} ${upload.body.slice(0, 500)}`);
  const job = JSON.parse(upload.body) as { id: number; rows: number; valid: number; invalid: number; existing: number; warnings: unknown[]; errors: { message: string }[] };
  const duringPreview = await previewProbe.stop();
  const commitProbe = probeHealth(ctx.base);
  const tc = performance.now();
  const commitRes = await request(`${ctx.base}/api/imports/${job.id}/commit`, { method: 'POST', headers });
  const commitMs = performance.now() - tc;
  const duringCommit = await commitProbe.stop();
  if (commitRes.status !== 200) throw new Error(`import commit → ${commitRes.status} ${commitRes.body.slice(0, 500)}`);
  const commit = JSON.parse(commitRes.body) as { inserted: number; households: number; skipped: number; invalid: number };
  if (job.rows !== rows || commit.inserted === 0) throw new Error(`import: ${job.rows} rows read, ${commit.inserted} inserted (of ${rows}); first errors: ${JSON.stringify(job.errors.slice(0, 3))}`);

  const importMs = upload.totalMs + commitMs;
  const measured = { ...once(commit.inserted, importMs), non2xx: 0, errors: 0 };
  const copy = once(rows, copyMs);
  const copyAll = once(rows, whatImportWrites.ms);
  const shareOfCopyAll = Number((measured.perSecond / copyAll.perSecond).toFixed(3));
  return result({
    name: 'registry-import',
    database: ctx.bench.kind,
    workload: {
      request: `POST /api/imports?unitId=<${data.commune.name}> (multipart CSV), then POST /api/imports/:id/commit`,
      user: USERNAME,
      rows,
      fileBytes: file.length,
      residentsInTableBefore: ctx.population.totalResidents,
      indexesOnResident: ((await ctx.bench.raw(`select count(*)::int as n from pg_indexes where tablename = 'resident'`, [])).rows[0] as { n: number }).n,
      copyColumns: COPY_COLUMNS.length,
      prepareSeconds: Number(prepareSeconds.toFixed(1)),
      loadAverageBefore: loadBefore,
    },
    measured,
    baseline: {
      what: 'COPY of the same people (their resident columns, no household, no life event) into resident with all its indexes, in one statement, rolled back',
      sequential: copy,
      concurrent: null,
    },
    detail: {
      goal: { shareOfCopy: GOAL_SHARE_OF_COPY, met: measured.perSecond >= GOAL_SHARE_OF_COPY * copy.perSecond },
      // The second baseline: COPY of everything the import writes (households, people, life
      // events), the unavoidable work of this import rather than of the resident rows alone.
      copyWhatImportWrites: {
        what: 'COPY of the households, the people (with their household) and one life event each into household, resident and life_event with all indexes and foreign keys, in one transaction rolled back (no head update); rows/s counts people',
        ...copyAll,
        households: whatImportWrites.households,
        lifeEvents: whatImportWrites.lifeEvents,
        ratio: shareOfCopyAll,
        goalMet: shareOfCopyAll >= GOAL_SHARE_OF_COPY,
      },
      phases: {
        uploadMs: Math.round(upload.sentMs),
        previewMs: Math.round(upload.totalMs),
        commitMs: Math.round(commitMs),
        previewRowsPerSecond: perSecond(job.rows, upload.totalMs),
        commitRowsPerSecond: perSecond(commit.inserted, commitMs),
        note: 'the server reads the upload as a stream, parsing and staging as it goes: the upload ends shortly before the preview does',
      },
      // Other requests while the import runs: the goal is every health check answered within 1 s.
      health: {
        what: 'GET /api/health every 100 ms from another connection; peak RSS of the bench process (server, database on PGlite, generated file)',
        rssBeforeMiB: rssBefore,
        duringPreview,
        duringCommit,
        goalMet: duringPreview.maxMs < 1000 && duringCommit.maxMs < 1000,
      },
      preview: { rows: job.rows, valid: job.valid, invalid: job.invalid, existing: job.existing, warnings: job.warnings.length },
      commit,
      copyIntoBareTable: once(rows, bareMs),
      vacuumAfterRollbackSeconds: Number(vacuumSeconds.toFixed(1)),
    },
  });
}
