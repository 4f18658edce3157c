// `npm start`: install, build, then run the server (which migrates, loads the official units and,
// on an empty database, the demo data). YTCS_DEMO defaults to 1 here, and only here.
import { spawn } from 'node:child_process';
import { buildWebIfNeeded, checkNode, installIfNeeded, root } from './prepare.mjs';
import { serverCommand } from './server-command.mjs';

checkNode();
installIfNeeded();
buildWebIfNeeded();
const server = serverCommand();
const child = spawn(server.command, server.args, {
  cwd: root,
  stdio: 'inherit',
  env: { YTCS_DEMO: '1', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
