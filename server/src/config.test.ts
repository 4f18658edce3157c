import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('has the documented defaults', () => {
    const c = readConfig({}, '/srv/ytcs');
    expect(c).toMatchObject({ port: 3000, dataDir: '/srv/ytcs/data', databaseUrl: null, adminPassword: null, demo: false });
  });

  it('names the variable of a bad value', () => {
    expect(() => readConfig({ PORT: 'abc' })).toThrow(/^PORT="abc"/);
    expect(() => readConfig({ YTCS_DEMO: 'yes' })).toThrow(/^YTCS_DEMO/);
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^DATABASE_URL/);
    expect(() => readConfig({ YTCS_ADMIN_PASSWORD: 'short' })).toThrow(ConfigError);
  });

  it('reads PostgreSQL and demo settings', () => {
    const c = readConfig({ DATABASE_URL: 'postgres://u@h/db', YTCS_DEMO: '0', PORT: '8080' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u@h/db', demo: false, port: 8080 });
  });
});
