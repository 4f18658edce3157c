import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, bootId, lockDataDir, startTicks } from './lock.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-lock-'));

describe('lockDataDir', () => {
  it('refuses a directory held by a live process', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ytcs.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`${process.ppid}`));
  });

  it('takes over a lock left by a dead process and releases it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ytcs.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'ytcs.lock'), 'utf8'))).toMatchObject({ pid: process.pid, token: expect.any(String) });
    release();
    expect(fs.existsSync(path.join(dir, 'ytcs.lock'))).toBe(false);
  });

  const lockFile = (dir: string) => path.join(dir, 'ytcs.lock');
  const holder = (pid: number, overrides: object = {}) => JSON.stringify({ pid, bootId: bootId(), startTicks: startTicks(pid), token: 'theirs', ...overrides });

  it('refuses a directory held by a live ytcs process, named by pid, boot and start time', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), holder(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('takes over a lock whose pid now belongs to an unrelated live process (other start time, other boot)', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), holder(process.ppid, { startTicks: '1' }));
    lockDataDir(dir)();
    fs.writeFileSync(lockFile(dir), holder(process.ppid, { bootId: 'a-boot-before-the-last-restart' }));
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('takes over an old pid-only lock when that pid started after the lock was written', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), String(process.ppid));
    const longAgo = new Date('2000-01-01T00:00:00Z');
    fs.utimesSync(lockFile(dir), longAgo, longAgo);
    lockDataDir(dir)();
  });

  it('releases only its own lock', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    fs.writeFileSync(lockFile(dir), holder(process.ppid));
    release();
    expect(fs.existsSync(lockFile(dir))).toBe(true);
  });
});
