/** User and role administration. */
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { signedInContext } from '../../access/context.ts';
import { IdParams, Page, listOf } from '../../http/schemas.ts';
import { userService } from './users.service.ts';

const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  active: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  roles: Type.Array(Type.Object({ role: Type.String(), orgUnit: Type.Ref('OrgUnitRef') })),
  canEdit: Type.Boolean({ description: 'The caller may edit, reset or deactivate this user' }),
});

const Role = Type.Object({
  code: Type.String(),
  name: Type.Object({ vi: Type.String(), en: Type.String() }),
  permissions: Type.Array(Type.String()),
});

const RoleAssignment = Type.Object({ role: Type.String({ maxLength: 50 }), orgUnitId: Type.Integer({ minimum: 1 }) });

const NewUser = Type.Object({
  username: Type.String({ maxLength: 50 }),
  fullName: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 200 }),
  roles: Type.Array(RoleAssignment, { maxItems: 20 }),
});

const UserPatch = Type.Object({
  fullName: Type.Optional(Type.String({ maxLength: 200 })),
  active: Type.Optional(Type.Boolean()),
  password: Type.Optional(Type.String({ maxLength: 200 })),
  roles: Type.Optional(Type.Array(RoleAssignment, { maxItems: 20 })),
});

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
    schema: { tags: ['users'], operationId: 'listUsers', querystring: Type.Object({ ...Page, q: Type.Optional(Type.String({ maxLength: 100 })) }), response: { 200: listOf(User) } },
    config: { permission: 'user.read' },
    handler: (req) => users.list(signedInContext(req), req.query.q, req.query.limit, req.query.offset),
  });

  app.post('/api/users', {
    schema: { tags: ['users'], operationId: 'createUser', body: NewUser, response: { 201: User } },
    config: { permission: 'user.write' },
    handler: async (req, reply) => reply.code(201).send(await users.create(signedInContext(req), req.body)),
  });

  app.patch('/api/users/:id', {
    schema: { tags: ['users'], operationId: 'updateUser', params: IdParams, body: UserPatch, response: { 200: User } },
    config: { permission: 'user.write' },
    handler: (req) => users.update(signedInContext(req), req.params.id, req.body),
  });
}
