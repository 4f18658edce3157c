import { describe, expect, it } from 'vitest';
import { PgToolsMissingError, connectionFor, findPgBin } from './pg-tools.ts';

describe('PostgreSQL client tools', () => {
  it('says how to install them when they are missing', () => {
    expect(() => findPgBin(['/nonexistent/bin'])).toThrow(PgToolsMissingError);
    expect(() => findPgBin([])).toThrow(/apt-get install -y postgresql-client/);
  });

  it('keeps the password out of the command line', () => {
    const c = connectionFor('postgres://ytcs:s%40cret@db.example:5432/ytcs');
    expect(c.url).toBe('postgres://ytcs@db.example:5432/ytcs');
    expect(c.env).toEqual({ PGPASSWORD: 's@cret' });
  });
});
