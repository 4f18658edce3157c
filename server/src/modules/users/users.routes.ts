/** User and role administration. */
import { IdParams, NewUser, listOf, Role, User, UserChanges, UserQuery } from '@ytcs/common';
import type { App } from '../../http/app-types.ts';
import { signedInContext } from '../../access/context.ts';
import { userService } from './users.service.ts';

export async function userRoutes(app: App) {
  const users = userService(app.db, app.sessions);

  app.get('/api/roles', {
    schema: { tags: ['users'], operationId: 'listRoles', response: { 200: listOf(Role) } },
    config: { permission: 'user.read' },
    handler: async () => {
      const items = await users.listRoles();
      return { items, total: items.length };
    },
  });

  app.get('/api/users', {
    schema: { tags: ['users'], operationId: 'listUsers', querystring: UserQuery, response: { 200: listOf(User) } },
    config: { permission: 'user.read' },
    handler: (req) => users.list(signedInContext(req), req.query.q, req.query.limit, req.query.offset),
  });

  app.post('/api/users', {
    schema: { tags: ['users'], operationId: 'createUser', body: NewUser, response: { 201: User } },
    config: { permission: 'user.write' },
    handler: async (req, reply) => reply.code(201).send(await users.create(signedInContext(req), req.body)),
  });

  app.patch('/api/users/:id', {
    schema: { tags: ['users'], operationId: 'updateUser', params: IdParams, body: UserChanges, response: { 200: User } },
    config: { permission: 'user.write' },
    handler: (req) => users.update(signedInContext(req), req.params.id, req.body),
  });
}
