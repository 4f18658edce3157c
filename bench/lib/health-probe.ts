/**
 * Asks /api/health every `everyMs` while a long operation runs, and samples the process's memory:
 * the slowest answer says how long any request was held up (on PGlite the one connection and the
 * event loop are shared with the operation), the peak RSS what the operation cost in memory.
 */
import { request } from './http.ts';

export interface HealthProbe {
  stop(): Promise<{ samples: number; maxMs: number; p99Ms: number; over1s: number; peakRssMiB: number }>;
}

export function probeHealth(base: string, everyMs = 100): HealthProbe {
  const latencies: number[] = [];
  let peakRss = process.memoryUsage().rss;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const res = await request(`${base}/api/health`);
      latencies.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`health → ${res.status}`);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return {
        samples: sorted.length,
        maxMs: Math.round(sorted.at(-1) ?? 0),
        p99Ms: Math.round(at(0.99)),
        over1s: sorted.filter((ms) => ms > 1000).length,
        peakRssMiB: Math.round(peakRss / 2 ** 20),
      };
    },
  };
}
