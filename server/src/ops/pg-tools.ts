/**
 * PostgreSQL's own client programs (pg_dump, pg_restore, psql), found where Debian's `postgresql`
 * package puts them (the newest /usr/lib/postgresql/N/bin, as scripts/pg-throwaway.sh does) or on
 * PATH. A connection URL is passed without its password, which goes in PGPASSWORD, so it does not
 * show in the process list.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

export class PgToolsMissingError extends Error {}

function versionDirs(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((d) => /^\d+(\.\d+)?$/.test(d))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    .map((d) => path.join(root, d, 'bin'));
}

/** Where to look, newest first: YTCS_PG_BIN if set, Debian's versioned folders, then PATH. */
export function pgBinCandidates(env: Record<string, string | undefined>): string[] {
  if (env.YTCS_PG_BIN) return [env.YTCS_PG_BIN];
  return [...versionDirs('/usr/lib/postgresql'), ...(env.PATH ?? '').split(path.delimiter).filter(Boolean)];
}

/** The folder holding all three tools, or an error saying how to install them. */
export function findPgBin(candidates: string[]): string {
  const tools: PgTool[] = ['pg_dump', 'pg_restore', 'psql'];
  const found = candidates.find((dir) => tools.every((t) => fs.existsSync(path.join(dir, t))));
  if (found) return found;
  throw new PgToolsMissingError(
    'Không tìm thấy pg_dump, pg_restore và psql; cài gói postgresql-client (Debian: apt-get install -y postgresql-client) hoặc đặt YTCS_PG_BIN. / ' +
      'pg_dump, pg_restore and psql were not found; install them (Debian: apt-get install -y postgresql-client) or set YTCS_PG_BIN to their folder.',
  );
}

export interface Connection {
  /** The URL without a password, for the tools' --dbname. */
  url: string;
  env: Record<string, string>;
}

export function connectionFor(databaseUrl: string): Connection {
  const u = new URL(databaseUrl);
  const env: Record<string, string> = {};
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env };
}

/** The major version a tool reports (`pg_dump (PostgreSQL) 15.8` → 15). */
export async function toolMajor(bin: string, tool: PgTool): Promise<number> {
  const { stdout } = await runTool(bin, tool, ['--version'], {});
  const match = /\)\s*(\d+)/.exec(stdout);
  return match ? Number(match[1]) : 0;
}

export interface RunOptions {
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** Runs a tool; rejects with its stderr when it exits non-zero. */
export function runTool(bin: string, tool: PgTool, args: string[], env: Record<string, string>, options: RunOptions = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(bin, tool), args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let feedError: unknown = null;
    let closed = false;
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      closed = true;
      if (feedError) reject(feedError);
      else if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${tool} exited with ${code}: ${stderr.trim().slice(-2000)}`));
    });
    child.stdin.on('error', () => {
      // The tool exited early; its exit code and stderr say why.
    });
    if (!options.stdin) {
      child.stdin.end();
      return;
    }
    const input = options.stdin;
    (async () => {
      for await (const chunk of input) {
        if (closed) break;
        if (!child.stdin.write(chunk)) await new Promise((r) => {
          child.stdin.once('drain', r);
          child.once('close', r);
        });
      }
      child.stdin.end();
    })().catch((error) => {
      // The input failed (e.g. the program producing it): stop the tool without ending its input
      // normally, so it cannot take a cut-short input for a whole one.
      feedError = error;
      child.kill('SIGKILL');
    });
  });
}
