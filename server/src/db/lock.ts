/**
 * PGlite has no lock of its own and two processes on one data directory corrupt it, so the
 * server holds a lock file. A pid alone is not enough: after a reboot or a crash the pid may
 * belong to another, unrelated process, and the start would be blocked until someone removed the
 * file by hand. So the file names the holder as pid + boot id + the process's start time (from
 * /proc on Linux) + a random token; a lock whose pid is alive but is another process (another
 * boot, another start time, or started after the lock was written) is stale and taken over.
 * Release removes the file only while it still carries our token.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

export interface LockHolder {
  pid: number;
  /** /proc/sys/kernel/random/boot_id, or null where there is none. */
  bootId: string | null;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22), or null. */
  startTicks: string | null;
  token: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

export const bootId = (): string | null => read('/proc/sys/kernel/random/boot_id');

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so split after it. */
export function startTicks(pid: number): string | null {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

/** When the process started (ms since the epoch), from /proc, or null where /proc has no answer. */
function startedAt(pid: number): number | null {
  const ticks = startTicks(pid);
  const uptime = read('/proc/uptime');
  if (ticks === null || uptime === null) return null;
  // Linux reports USER_HZ = 100 ticks per second on every architecture Node runs on.
  const bootMs = Date.now() - Number(uptime.split(' ')[0]) * 1000;
  return bootMs + (Number(ticks) / 100) * 1000;
}

function parse(text: string): LockHolder | { pid: number; legacy: true } | null {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text), legacy: true };
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) && holder.pid > 0 ? holder : null;
  } catch {
    return null;
  }
}

/** Whether the process the lock names is the one that wrote it and still runs. */
function holderRuns(file: string, text: string): number | null {
  const holder = parse(text);
  if (!holder || holder.pid === process.pid || !alive(holder.pid)) return null;
  if ('legacy' in holder) {
    // An old lock names only a pid: a process that started after the file was written cannot be its writer.
    const started = startedAt(holder.pid);
    const written = fs.statSync(file).mtimeMs;
    return started !== null && started > written + 1000 ? null : holder.pid;
  }
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return null;
  const ticks = startTicks(holder.pid);
  if (holder.startTicks && ticks && holder.startTicks !== ticks) return null;
  return holder.pid;
}

export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'ytcs.lock');
  const me: LockHolder = { pid: process.pid, bootId: bootId(), startTicks: startTicks(process.pid), token: randomBytes(16).toString('hex') };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const current = read(file);
        if (current && (parse(current) as LockHolder | null)?.token === me.token) fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = read(file) ?? '';
      const holder = holderRuns(file, text);
      if (holder !== null) {
        throw new DataDirLockedError(
          `DATA_DIR ${dataDir} đang được tiến trình ${holder} sử dụng; dừng tiến trình đó trước. / ` + `is in use by process ${holder}; stop it first.`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`DATA_DIR ${dataDir}: không lấy được khóa / could not take the lock`);
}
