/**
 * The load generator, in its own process so autocannon's parsing and bookkeeping do not share
 * the server's event loop. Runs one job per IPC message and answers with its summary.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { type Summary, summarize } from './stats.ts';

export interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  maxRequests: number;
}

export interface LoadResult extends Summary {
  non2xx: number;
  errors: number;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  const start = performance.now();
  // `amount` makes autocannon ignore `duration`, so the time bound is our own timer.
  const instance = autocannon({ url: job.url, method: job.method, headers: job.headers, body: job.body, connections: job.connections, amount: job.maxRequests, timeout: 30 });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else non2xx++;
  });
  const timer = setTimeout(() => instance.stop(), job.seconds * 1000);
  const result = await instance;
  clearTimeout(timer);
  return { ...summarize(latencies, (performance.now() - start) / 1000), non2xx, errors: result.errors };
}

process.on('message', (message: { id: number; job: LoadJob }) => {
  run(message.job).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
