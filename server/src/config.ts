/**
 * Configuration: read and validated once at boot. A bad value stops the start with a message
 * naming the variable; nothing else in the server reads process.env.
 */
import net from 'node:net';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminPassword: string | null;
  demo: boolean;
  logLevel: string;
  webDist: string | null;
  /** Idle minutes before a session ends; it also ends 24 h after login whatever happens. */
  sessionIdleMinutes: number;
  /** Figures about fewer people than this are hidden from roles that may not see personal data. */
  smallCell: number;
  /** How often queued communes get their computed indicator values refreshed. */
  indicatorRefreshMs: number;
  /**
   * Which peers may tell the client address in X-Forwarded-For: false (none, the default: a
   * client could otherwise write any address into the audit log), a hop count, or addresses.
   */
  trustProxy: false | number | string[];
  /** How often committed audit events are hash-chained (0: only on demand). */
  auditSealMs: number;
  /** Rows per import commit batch; 0 (the default) sizes each batch to take about 200 ms. */
  importBatchRows: number;
  /** Where the plan file reader looks for pdfinfo, pdftotext, pdftoppm and tesseract (a PATH). */
  toolsPath: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}="${raw}": phải là số nguyên từ ${min} đến ${max} / must be an integer from ${min} to ${max}`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ConfigError(`${name}="${raw}": phải là 0 hoặc 1 / must be 0 or 1`);
}

/** YTCS_TRUST_PROXY: empty/0 = none, 1–10 = that many proxies, or addresses/CIDR ranges separated by commas. */
function trustProxy(env: Env): false | number | string[] {
  const raw = (env.YTCS_TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === '0' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return integer(env, 'YTCS_TRUST_PROXY', 0, 1, 10);
  const entries = raw.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = net.isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined) {
      throw new ConfigError(
        `YTCS_TRUST_PROXY="${raw}": "${entry}" không phải địa chỉ IP hay dải CIDR / is not an IP address or CIDR range (or give a hop count 1–10)`,
      );
    }
  }
  return entries;
}

export function readConfig(env: Env, cwd = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL: phải bắt đầu bằng postgres:// / must start with postgres://');
  }
  const adminPassword = env.YTCS_ADMIN_PASSWORD || null;
  if (adminPassword !== null && adminPassword.length < 10) {
    throw new ConfigError('YTCS_ADMIN_PASSWORD: cần ít nhất 10 ký tự / needs at least 10 characters');
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL="${logLevel}": fatal|error|warn|info|debug|trace|silent`);
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    databaseUrl,
    adminPassword,
    demo: flag(env, 'YTCS_DEMO', false),
    logLevel,
    webDist: env.YTCS_WEB_DIST === '' ? null : path.resolve(cwd, env.YTCS_WEB_DIST || 'web/dist'),
    sessionIdleMinutes: integer(env, 'YTCS_SESSION_IDLE_MINUTES', 480, 1, 10080),
    smallCell: integer(env, 'YTCS_SMALL_CELL', 5, 1, 100),
    indicatorRefreshMs: integer(env, 'YTCS_INDICATOR_REFRESH_MS', 1000, 100, 3_600_000),
    trustProxy: trustProxy(env),
    auditSealMs: integer(env, 'YTCS_AUDIT_SEAL_MS', 500, 0, 60_000),
    importBatchRows: integer(env, 'YTCS_IMPORT_BATCH_ROWS', 0, 0, 100_000),
    toolsPath: env.YTCS_TOOLS_PATH || env.PATH || '/usr/local/bin:/usr/bin:/bin',
  };
}
