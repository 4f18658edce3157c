import { type CompiledQuery, type DatabaseConnection, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type QueryResult } from 'kysely';
import { describe, expect, it } from 'vitest';
import { contextOf } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { readPersonal } from './person-reads.ts';

/** A database that answers nothing and notes what it was sent, transaction boundaries included. */
function recordingDb() {
  const log: string[] = [];
  const connection: DatabaseConnection = {
    executeQuery: async <R>(q: CompiledQuery): Promise<QueryResult<R>> => {
      log.push(q.sql.split(' ').slice(0, 3).join(' '));
      return { rows: [] };
    },
    streamQuery: () => {
      throw new Error('not streamed');
    },
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
      createDriver: () => ({
        init: async () => {},
        acquireConnection: async () => connection,
        beginTransaction: async () => void log.push('begin'),
        commitTransaction: async () => void log.push('commit'),
        rollbackTransaction: async () => void log.push('rollback'),
        releaseConnection: async () => {},
        destroy: async () => {},
      }),
    },
  });
  return { db, log };
}

const ctx = contextOf({ principal: null, scope: { paths: ['1.2'] }, actor: { userId: 7, ip: '127.0.0.1', requestId: 'r' } });

describe('the personal-data read gateway', () => {
  it('writes the events made of what the read returned, in the read’s transaction', async () => {
    const { db, log } = recordingDb();
    const found = await readPersonal(
      db,
      ctx,
      async (trx) => {
        await trx.selectFrom('resident').select('id').execute();
        return [11, 12];
      },
      (ids) => ids.map((id) => ({ action: 'resident.read', entityType: 'resident', entityId: id, orgUnitId: 3 })),
    );
    expect(found).toEqual([11, 12]);
    expect(log).toEqual(['begin', 'select "id" from', 'insert into "audit_event"', 'insert into "audit_event"', 'commit']);
  });

  it('writes the refusal it is given after the read rolled back, and still answers not found', async () => {
    const { db, log } = recordingDb();
    const refused = async () => ({ action: 'resident.read_refused', entityType: 'resident', entityId: 9 });
    await expect(readPersonal(db, ctx, async () => null, () => [{ action: 'resident.read' }], refused)).rejects.toMatchObject({ status: 404 });
    expect(log).toEqual(['begin', 'rollback', 'insert into "audit_event"']);
  });

  it('answers not found, and writes no event, when the read finds nothing', async () => {
    const { db, log } = recordingDb();
    await expect(readPersonal(db, ctx, async () => null, () => [{ action: 'resident.read' }])).rejects.toMatchObject({ status: 404 });
    expect(log).toEqual(['begin', 'rollback']);
  });
});
