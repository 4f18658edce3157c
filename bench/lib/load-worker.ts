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
  /**
   * A mix of requests instead of `url`'s path alone: taken in turn from one shared counter (so
   * the connections interleave different requests), with latencies summarised per tag too.
   */
  paths?: { path: string; tag: string }[];
}

export interface LoadResult extends Summary {
  non2xx: number;
  errors: number;
  /** Per tag of `paths` (absent without `paths`). */
  byTag?: Record<string, Summary>;
}

/** The part of an autocannon client this worker reads: its request iterator's per-connection context. */
interface TaggedClient {
  requestIterator?: { context?: { tag?: string } };
}

async function run(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  const tagged = new Map<string, number[]>();
  let non2xx = 0;
  const paths = job.paths;
  let next = 0;
  // setupRequest runs when a connection builds its next request; the tag rides in that
  // connection's context, which still holds it when the response event fires.
  const requests = paths?.length
    ? [
        {
          setupRequest: (req: Record<string, unknown>, context: { tag?: string }) => {
            const p = paths[next++ % paths.length] as { path: string; tag: string };
            context.tag = p.tag;
            return { ...req, path: p.path };
          },
        },
      ]
    : undefined;
  const start = performance.now();
  // `amount` makes autocannon ignore `duration`, so the time bound is our own timer.
  // `requests` is not in types/autocannon.d.ts: passed through a variable, as autocannon reads it.
  const options = { url: job.url, method: job.method, headers: job.headers, body: job.body, connections: job.connections, amount: job.maxRequests, timeout: 30, ...(requests ? { requests } : {}) };
  const instance = autocannon(options);
  instance.on('response', (client, status, _bytes, ms) => {
    if (status < 200 || status >= 300) {
      non2xx++;
      return;
    }
    latencies.push(ms);
    const tag = (client as TaggedClient).requestIterator?.context?.tag;
    if (paths && tag !== undefined) {
      const list = tagged.get(tag) ?? [];
      list.push(ms);
      tagged.set(tag, list);
    }
  });
  const timer = setTimeout(() => instance.stop(), job.seconds * 1000);
  const result = await instance;
  clearTimeout(timer);
  const seconds = (performance.now() - start) / 1000;
  const byTag = paths ? Object.fromEntries([...tagged].map(([tag, list]) => [tag, summarize(list, seconds)])) : undefined;
  return { ...summarize(latencies, seconds), non2xx, errors: result.errors, ...(byTag ? { byTag } : {}) };
}

process.on('message', (message: { id: number; job: LoadJob }) => {
  run(message.job).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
