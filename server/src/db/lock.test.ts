import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

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
    expect(fs.readFileSync(path.join(dir, 'ytcs.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'ytcs.lock'))).toBe(false);
  });
});
