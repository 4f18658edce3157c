/** One JSON file per benchmark under bench/results/, and the table printed at the end. */
import fs from 'node:fs';
import os from 'node:os';
import type { DatabaseKind } from '../../server/src/db/database.ts';
import type { LoadResult } from './load-worker.ts';
import type { Summary } from './stats.ts';

export interface BenchResult {
  name: string;
  database: DatabaseKind;
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; os: string; loadAverageAtStart: number; loadAverageAtEnd?: number[] };
  workload: Record<string, unknown>;
  /** Through HTTP: requests/s and latency as the client saw them. */
  measured: LoadResult;
  /** The same work without the server: sequential, and at the same concurrency when possible. */
  baseline: { what: string; sequential: Summary; concurrent: Summary | null };
  /** measured / baseline at the same concurrency (sequential where the database has one connection). */
  ratio: number;
  ratioVsSequential: number;
  /** What a benchmark reports beyond the common fields (per-kind figures, phases, plans, goals). */
  detail?: Record<string, unknown>;
}

/** Taken when the run starts (this module loads first): other work on the machine skews every figure. */
export const LOAD_AT_START = Number(os.loadavg()[0]?.toFixed(2));

export function machine(): BenchResult['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    os: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: LOAD_AT_START,
    // 1, 5 and 15 minutes when the result is made: a long run outlives the figure taken at start.
    loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

export function result(r: Omit<BenchResult, 'date' | 'machine' | 'ratio' | 'ratioVsSequential'>): BenchResult {
  const same = r.baseline.concurrent ?? r.baseline.sequential;
  const ratio = (x: Summary) => Number((r.measured.perSecond / x.perSecond).toFixed(3));
  const { name, database, detail, ...rest } = r;
  return { name, database, date: new Date().toISOString(), machine: machine(), ...rest, ratio: ratio(same), ratioVsSequential: ratio(r.baseline.sequential), ...(detail ? { detail } : {}) };
}

export function writeResult(r: BenchResult): string {
  const file = new URL(`../results/${r.name}-${r.database}.json`, import.meta.url);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file.pathname;
}

export function printTable(results: BenchResult[]): void {
  const n = (x: number | null | undefined, d = 1) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : x.toFixed(d));
  const rows = results.map((r) => ({
    benchmark: `${r.name} (${r.database})`,
    'HTTP req/s': n(r.measured.perSecond),
    'p50 ms': n(r.measured.latencyMs.p50, 2),
    'p95 ms': n(r.measured.latencyMs.p95, 2),
    'p99 ms': n(r.measured.latencyMs.p99, 2),
    'raw seq /s': n(r.baseline.sequential.perSecond),
    'raw seq p95': n(r.baseline.sequential.latencyMs.p95, 2),
    'raw conc /s': n(r.baseline.concurrent?.perSecond),
    'raw conc p95': n(r.baseline.concurrent?.latencyMs.p95, 2),
    ratio: n(r.ratio, 2),
  }));
  const cols = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
  const width = cols.map((c) => Math.max(c.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(width[i] ?? 0) : c.padStart(width[i] ?? 0))).join('  ');
  console.log(`\n${line(cols)}\n${line(width.map((w) => '-'.repeat(w)))}`);
  for (const row of rows) console.log(line(cols.map((c) => row[c])));
}
