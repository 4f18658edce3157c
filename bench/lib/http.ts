/** The real server on a loopback port, signing in, and the handle on the load-generator process. */
import { type ChildProcess, fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../server/src/app.ts';
import { readConfig } from '../../server/src/config.ts';
import type { Database } from '../../server/src/db/database.ts';
import type { App } from '../../server/src/http/app-types.ts';
import type { LoadJob, LoadResult } from './load-worker.ts';

export const config = readConfig({ LOG_LEVEL: 'silent', YTCS_WEB_DIST: '' });

export async function startServer(database: Database): Promise<{ app: App; base: string }> {
  const app = await buildApp(config, database);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}` };
}

/** Signs in through the API; returns the Cookie header value and the raw session token. */
export async function signIn(base: string, username: string, password: string): Promise<{ cookie: string; token: string }> {
  const res = await request(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${res.body}`);
  const token = res.setCookie.map((c) => /^ytcs_session=([^;]+)/.exec(c)?.[1]).find(Boolean);
  if (!token) throw new Error(`sign-in of ${username}: no session cookie`);
  return { cookie: `ytcs_session=${token}`, token };
}

/**
 * One request on a connection of its own (no keep-alive pool): after a long pause, e.g. while a
 * population loads on PGlite in this very process and the event loop is busy, a pooled socket may
 * already have been closed by the server and fetch() would fail with ECONNRESET.
 */
export function request(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookie: res.headers['set-cookie'] ?? [] }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export interface Upload {
  status: number;
  body: string;
  /** From the first byte sent until the client had handed the whole body to the socket. */
  sentMs: number;
  /** Until the response ended. */
  totalMs: number;
}

/**
 * POST multipart/form-data (text fields, then one file) with node:http, writing the body in
 * 64 KiB chunks as the server reads it, so the moment the upload ends is known.
 */
export function postMultipart(url: string, headers: Record<string, string>, fields: Record<string, string>, file: { field: string; name: string; type: string; data: Buffer }): Promise<Upload> {
  const boundary = `----ytcs-bench-${Date.now().toString(36)}`;
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head = Buffer.from(`${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, file.data, tail]);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let sentMs = Number.NaN;
    const req = http.request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), sentMs, totalMs: performance.now() - start }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.on('finish', () => {
      sentMs = performance.now() - start;
    });
    let offset = 0;
    const write = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + 65_536);
        offset += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

export interface Loader {
  run(job: LoadJob): Promise<LoadResult>;
  close(): void;
}

/** Forks the load worker once; jobs go to it one at a time. */
export function startLoader(): Loader {
  const child: ChildProcess = fork(fileURLToPath(new URL('./load-worker.ts', import.meta.url)), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  let next = 0;
  const pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id: number; result?: LoadResult; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.result) p?.resolve(m.result);
    else p?.reject(new Error(`load worker: ${m.error}`));
  });
  child.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`load worker exited (${code})`));
    pending.clear();
  });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        child.send({ id, job });
      }),
    close: () => {
      child.disconnect();
    },
  };
}
