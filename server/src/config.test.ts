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

  it('trusts no proxy unless told, then a hop count or addresses, validated at boot', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ YTCS_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(readConfig({ YTCS_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ YTCS_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(() => readConfig({ YTCS_TRUST_PROXY: 'true' })).toThrow(/^YTCS_TRUST_PROXY="true"/);
    expect(() => readConfig({ YTCS_TRUST_PROXY: '10.0.0.0/33' })).toThrow(ConfigError);
    expect(() => readConfig({ YTCS_TRUST_PROXY: '11' })).toThrow(/^YTCS_TRUST_PROXY/);
  });
});
