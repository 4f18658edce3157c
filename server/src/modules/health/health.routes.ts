/** Liveness and readiness: answers only when the database answers. */
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { VERSION } from '../../version.ts';

const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
  version: Type.String(),
});

export async function healthRoutes(app: App) {
  app.get('/api/health', {
    schema: { tags: ['health'], operationId: 'health', response: { 200: Health } },
    config: { permission: 'public' },
    handler: async () => {
      await sql`select 1`.execute(app.db);
      return { status: 'ok' as const, database: app.dbKind, version: VERSION };
    },
  });
}
