/**
 * Timing: latency percentiles and a bounded loop. HTTP and raw figures go through the same
 * percentile code so their p95s compare like with like.
 */
import { performance } from 'node:perf_hooks';

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

export interface Summary {
  count: number;
  seconds: number;
  perSecond: number;
  latencyMs: Latency;
}

/** Nearest-rank percentile of an ascending array (no interpolation: every figure was observed). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function summarize(latenciesMs: number[], seconds: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    seconds: round(seconds, 2),
    perSecond: round(sorted.length / seconds, 1),
    latencyMs: { p50: round(percentile(sorted, 50), 3), p95: round(percentile(sorted, 95), 3), p99: round(percentile(sorted, 99), 3) },
  };
}

/**
 * Calls fn from `concurrency` loops until `seconds` have passed or `max` calls have started;
 * each loop awaits its call before the next (a closed loop, like autocannon's connections).
 */
export async function loop(fn: () => Promise<unknown>, opts: { seconds: number; concurrency?: number; max?: number }): Promise<Summary> {
  const latencies: number[] = [];
  const max = opts.max ?? Number.POSITIVE_INFINITY;
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  let started = 0;
  const worker = async () => {
    while (performance.now() < deadline && started < max) {
      started++;
      const t0 = performance.now();
      await fn();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 1 }, worker));
  return summarize(latencies, (performance.now() - start) / 1000);
}

/**
 * `loop` over a mix: each call takes the next item (one counter shared by the loops, as the load
 * worker's `paths`), and latencies are also summarised per item tag.
 */
export async function loopMix<T extends { tag: string }>(
  items: T[],
  fn: (item: T) => Promise<unknown>,
  opts: { seconds: number; concurrency?: number; max?: number },
): Promise<Summary & { byTag: Record<string, Summary> }> {
  if (items.length === 0) throw new Error('loopMix: no items');
  const latencies: number[] = [];
  const tagged = new Map<string, number[]>();
  const max = opts.max ?? Number.POSITIVE_INFINITY;
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  let started = 0;
  const worker = async () => {
    while (performance.now() < deadline && started < max) {
      const item = items[started++ % items.length] as T;
      const t0 = performance.now();
      await fn(item);
      const ms = performance.now() - t0;
      latencies.push(ms);
      const list = tagged.get(item.tag) ?? [];
      list.push(ms);
      tagged.set(item.tag, list);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 1 }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { ...summarize(latencies, seconds), byTag: Object.fromEntries([...tagged].map(([tag, list]) => [tag, summarize(list, seconds)])) };
}
