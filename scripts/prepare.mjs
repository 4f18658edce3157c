// Shared by `npm start` and `npm test`: check Node, install dependencies when the lockfile
// changed, build the web app when its sources changed. Plain JavaScript: it runs before any
// dependency (tsx, TypeScript) is installed.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`ytcs cần Node.js ≥ 20.19 / needs Node.js ≥ 20.19 (this is ${process.versions.node})`);
    process.exit(1);
  }
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : mtime(full));
  }
  return latest;
}

export function run(command, env = {}) {
  execSync(command, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

export function installIfNeeded() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  if (mtime(marker) >= mtime(path.join(root, 'package-lock.json'))) return;
  console.log('» npm install');
  run('npm install --no-audit --no-fund');
}

export function buildWebIfNeeded() {
  const index = path.join(root, 'web/dist/index.html');
  const sources = Math.max(newest(path.join(root, 'web/src')), mtime(path.join(root, 'web/index.html')), mtime(path.join(root, 'web/vite.config.ts')), mtime(path.join(root, 'package-lock.json')));
  if (mtime(index) >= sources) return;
  console.log('» build web app');
  run('npm run build -w web');
}
