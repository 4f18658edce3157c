import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

it('stops a start with a bad setting and names the variable, in Vietnamese and English', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env: { ...process.env, PORT: 'abc' }, encoding: 'utf8', timeout: 60_000 });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('PORT="abc"');
  expect(run.stderr).toContain('phải là số nguyên');
  expect(run.stderr).toContain('must be an integer');
});
