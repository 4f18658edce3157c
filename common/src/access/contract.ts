/** Who is signed in, roles, users and their roles at units (validation, OpenAPI, web types). */
import { type Static, Type } from 'typebox';
import { PERMISSIONS } from '../access.ts';
import { literalUnion, Nullable, Page } from '../http/contract.ts';
import { OrgUnitRefType } from '../org-units/contract.ts';

/** A permission code: what a route declares and what the web checks before showing an action. */
export const PermissionCode = literalUnion(PERMISSIONS);

export const LocalizedName = Type.Object({ vi: Type.String(), en: Type.String() });
export type LocalizedName = Static<typeof LocalizedName>;

/** One role the signed-in user holds, at a unit (and everything under it). */
export const RoleAssignment = Type.Object({ role: Type.String(), roleName: LocalizedName, orgUnit: OrgUnitRefType });
export type RoleAssignment = Static<typeof RoleAssignment>;

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  mustChangePassword: Type.Boolean(),
  roles: Type.Array(RoleAssignment),
  permissions: Type.Array(PermissionCode),
});
export type Me = Static<typeof Me>;

export const Credentials = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type Credentials = Static<typeof Credentials>;

export const LoginResult = Type.Object({ user: Me });
export type LoginResult = Static<typeof LoginResult>;

export const PasswordChange = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
});
export type PasswordChange = Static<typeof PasswordChange>;

export const Role = Type.Object({ code: Type.String(), name: LocalizedName, permissions: Type.Array(PermissionCode) });
export type Role = Static<typeof Role>;

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  active: Type.Boolean(),
  lockedUntil: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  roles: Type.Array(Type.Object({ role: Type.String(), orgUnit: OrgUnitRefType })),
  canEdit: Type.Boolean({ description: 'The caller may edit, reset or deactivate this user' }),
});
export type User = Static<typeof User>;

export const UserQuery = Type.Object({ ...Page, q: Type.Optional(Type.String({ maxLength: 100 })) });
export type UserQuery = Static<typeof UserQuery>;

/** A role to give a user at a unit. */
export const UserRole = Type.Object({ role: Type.String({ maxLength: 50 }), orgUnitId: Type.Integer({ minimum: 1 }) });
export type UserRole = Static<typeof UserRole>;

export const NewUser = Type.Object({
  username: Type.String({ maxLength: 50 }),
  fullName: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 200 }),
  roles: Type.Array(UserRole, { maxItems: 20 }),
});
export type NewUser = Static<typeof NewUser>;

export const UserChanges = Type.Object({
  fullName: Type.Optional(Type.String({ maxLength: 200 })),
  active: Type.Optional(Type.Boolean()),
  password: Type.Optional(Type.String({ maxLength: 200 })),
  roles: Type.Optional(Type.Array(UserRole, { maxItems: 20 })),
});
export type UserChanges = Static<typeof UserChanges>;
