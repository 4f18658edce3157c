/** Reads the configuration, opens and prepares the database, builds the app and listens. */
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { ConfigError, readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { DataDirLockedError } from './db/lock.ts';
import { DEMO_PASSWORD } from './demo/demo-data.ts';
import { progressPrinter } from './start-progress.ts';

async function main() {
  const started = Date.now();
  const config = readConfig(process.env);
  // Said as it goes: a first start (a new data directory, the official units, demo data) takes over a minute.
  const report = config.logLevel === 'silent' ? undefined : progressPrinter((line) => process.stdout.write(line), started);
  report?.({ step: 'opening' });
  const database = await openDatabase(config);
  const shutdown = async () => {
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const result = await bootstrap(database.db, config, report);
  const app = await buildApp(config, database);
  await app.listen({ port: config.port, host: config.host });
  const address = `http://localhost:${(app.server.address() as { port: number }).port}`;

  const lines = [
    '',
    `  Y Tế Cơ Sở (ytcs) đang chạy tại / is running at ${address}`,
    `  Cơ sở dữ liệu / database: ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`,
    `  Khởi động trong / started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  if (result.admin) {
    lines.push(
      result.admin.password
        ? `  Tài khoản quản trị / admin account: admin / ${result.admin.password}  (chỉ hiện một lần, hãy đổi ngay / shown once, change it)`
        : '  Tài khoản quản trị / admin account: admin / (YTCS_ADMIN_PASSWORD)',
    );
  }
  if (result.demo) {
    lines.push(`  Tài khoản mẫu / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`);
    for (const a of result.demo) lines.push(`    ${a.username.padEnd(22)} ${a.role.padEnd(15)} ${a.unit}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`ytcs: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`ytcs: không khởi động được / could not start: ${error?.stack ?? error}\n`);
  process.exit(1);
});
