/**
 * Records the SQL a repository function sends, without a database: the baseline then replays
 * the exact statements and parameters the server runs, so a change to the query is benchmarked
 * on both sides at once. With `exec`, each statement also runs on the real database and the
 * function sees its real answer (a service that looks something up before it searches, e.g. the
 * communes of the caller's scope, then builds the search from that answer).
 */
import { type CompiledQuery, type DatabaseConnection, type Driver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type QueryResult } from 'kysely';
import type { DB } from '../../server/src/db/schema.ts';

export interface Statement {
  sql: string;
  parameters: unknown[];
}

type Exec = (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }>;

export async function captureStatements(fn: (db: Kysely<DB>) => Promise<unknown>, exec?: Exec): Promise<Statement[]> {
  const statements: Statement[] = [];
  const connection: DatabaseConnection = {
    // One row that satisfies executeTakeFirstOrThrow(); the caller's answer is thrown away.
    executeQuery: async <R>(q: CompiledQuery): Promise<QueryResult<R>> => {
      statements.push({ sql: q.sql, parameters: [...q.parameters] });
      if (exec) return { rows: (await exec(q.sql, [...q.parameters])).rows as R[] };
      return { rows: [{} as R] };
    },
    streamQuery: () => {
      throw new Error('streaming is not captured');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  await fn(db);
  await db.destroy();
  return statements;
}
