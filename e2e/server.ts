/**
 * Starts the real server as `npm start` would (demo data on a fresh database: a new PGlite data
 * directory, or a new PostgreSQL database when DATABASE_URL is set) and a real Chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Browser, chromium } from 'playwright-core';
import { serverCommand } from '../scripts/server-command.mjs';

export const ADMIN_PASSWORD = 'e2e-admin-password';
const root = path.resolve(import.meta.dirname, '..');

export interface RunningServer {
  url: string;
  /** The server's process, to read its memory. */
  pid: number;
  output: () => string;
  /** Stops the server and starts it again on the same database, as after a reboot. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function freshDatabaseUrl(): Promise<{ url: string | null; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: null, drop: async () => {} };
  const name = `ytcs_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The server as a child process with `env`, once it says where it listens. */
async function launch(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const server = serverCommand(env);
  const child: ChildProcess = spawn(server.command, server.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  child.once('exit', (code, signal) => {
    log += `\n[server exited: code ${code}, signal ${signal}]\n`;
  });
  const url = await new Promise<string>((resolve, reject) => {
    // A first start loads the official units and the demo data: ~30 s alone, minutes on a busy machine.
    const timer = setTimeout(() => reject(new Error(`server did not start in 300 s:\n${log}`)), 300_000);
    const poll = setInterval(() => {
      const m = /running at (http:\/\/localhost:\d+)/.exec(log);
      if (m?.[1]) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
  });
  return { child, url, log: () => log };
}

async function halt(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-e2e-'));
  const database = await freshDatabaseUrl();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, YTCS_DEMO: '1', YTCS_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn' };
  if (database.url) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  let running = await launch(env);
  const server: RunningServer = {
    url: running.url,
    pid: running.child.pid ?? 0,
    output: () => running.log(),
    async restart() {
      await halt(running.child);
      running = await launch(env);
      server.url = running.url;
      server.pid = running.child.pid ?? 0;
    },
    async stop() {
      await halt(running.child);
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
