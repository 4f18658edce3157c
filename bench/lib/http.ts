/** The real server on a loopback port, signing in, and the handle on the load-generator process. */
import { type ChildProcess, fork } from 'node:child_process';
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
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const token = res.headers.getSetCookie().map((c) => /^ytcs_session=([^;]+)/.exec(c)?.[1]).find(Boolean);
  if (!token) throw new Error(`sign-in of ${username}: no session cookie`);
  return { cookie: `ytcs_session=${token}`, token };
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
