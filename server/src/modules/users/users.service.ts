/**
 * User administration. An administrator acts only inside their scope and below their rank: the
 * users they may change hold every role inside that scope at a rank no higher than theirs, and a
 * role they grant carries no permission they lack at that unit (rules in users.policy.ts).
 */
import { say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { SignedIn } from '../../access/context.ts';
import type { Principal, Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { type FieldError, conflict, invalid, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { PASSWORD_MIN_LENGTH, type SessionService, hashPassword } from '../auth/index.ts';
import { type RankedRole, type RoleAtUnit, managedRank, mayManage, missingPermissions } from './users.policy.ts';
import * as repo from './users.repository.ts';

export interface RoleAssignment {
  role: string;
  orgUnitId: number;
}


const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;

export function userService(db: Kysely<DB>, sessions: Pick<SessionService, 'forgetUser'>) {
  async function ranks(principal: Principal) {
    const roles = new Map<string, RankedRole>((await repo.listRoles(db)).map((r) => [r.code, r]));
    const topRank = Math.min(...[...roles.values()].map((r) => r.rank));
    const callerRank = (await repo.granterRank(db, principal.userId)) ?? Number.POSITIVE_INFINITY;
    return { roles, topRank, callerRank };
  }

  /** `held`: role@unit the target already has; keeping them grants nothing new. */
  async function checkRoles(principal: Principal, scope: Scope, roles: RoleAssignment[], held = new Set<string>()): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const { roles: known, topRank, callerRank } = await ranks(principal);
    const units = new Map((await repo.unitsInScope(db, scope, roles.map((r) => r.orgUnitId))).map((u) => [u.id, u.path]));
    roles.forEach((r, i) => {
      const role = known.get(r.role);
      const path = units.get(r.orgUnitId);
      if (!role) {
        errors.push({ field: `roles.${i}.role`, ...say('users.unknownRole') });
      } else if (managedRank(role, topRank) < callerRank) {
        errors.push({ field: `roles.${i}.role`, ...say('users.roleAbove') });
      } else if (path && !held.has(`${r.role}@${r.orgUnitId}`) && missingPermissions(principal, { role, path }).length) {
        errors.push({ field: `roles.${i}.role`, ...say('users.rolePermissions', { permissions: missingPermissions(principal, { role, path }).join(', ') }) });
      }
      if (!path) {
        errors.push({ field: `roles.${i}.orgUnitId`, ...say('users.unknownUnit') });
      }
    });
    return errors;
  }

  /** The target's roles, if the caller may manage them all; otherwise the target is not theirs (404). */
  async function manageable(principal: Principal, id: number) {
    const { roles, topRank, callerRank } = await ranks(principal);
    const rows = await repo.heldRoles(db, id);
    const held: RoleAtUnit[] = rows.flatMap((r) => {
      const role = roles.get(r.role);
      return role ? [{ role, path: r.path }] : [];
    });
    if (rows.length === 0 || !mayManage(principal, callerRank, held, topRank)) throw notFound();
    return { held, keys: new Set(rows.map((r) => `${r.role}@${r.org_unit_id}`)), units: rows.map((r) => r.org_unit_id) };
  }

  /** Users as the caller sees them: whether they may manage each, and no unit paths. */
  async function present(principal: Principal, ids: number[]) {
    const { roles, topRank, callerRank } = await ranks(principal);
    return (await repo.usersByIds(db, ids)).map(({ roles: held, ...user }) => {
      const ranked = held.flatMap((h) => {
        const role = roles.get(h.role);
        return role ? [{ role, path: h.path }] : [];
      });
      return { ...user, roles: held.map(({ path: _path, ...r }) => r), canEdit: held.length > 0 && mayManage(principal, callerRank, ranked, topRank) };
    });
  }

  async function one(principal: Principal, id: number) {
    const [user] = await present(principal, [id]);
    if (!user) throw notFound();
    return user;
  }

  return {
    async list(ctx: SignedIn, q: string | undefined, limit: number, offset: number) {
      const { ids, total } = await repo.listUsers(db, ctx.scope, q?.trim().toLowerCase() || undefined, limit, offset);
      return { items: await present(ctx.principal, ids), total };
    },

    listRoles: () => repo.listRoles(db),

    async create(ctx: SignedIn, input: { username: string; fullName: string; password: string; roles: RoleAssignment[] }) {
      const { principal, scope, actor } = ctx;
      const username = input.username.trim().toLowerCase();
      const errors: FieldError[] = [];
      if (!USERNAME.test(username)) errors.push({ field: 'username', ...say('users.usernameFormat') });
      if (!input.fullName.trim()) errors.push({ field: 'fullName', ...say('common.required') });
      if (input.password.length < PASSWORD_MIN_LENGTH) errors.push({ field: 'password', ...say('users.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) });
      if (input.roles.length === 0) errors.push({ field: 'roles', ...say('users.rolesRequired') });
      errors.push(...(await checkRoles(principal, scope, input.roles)));
      if (errors.length) throw invalid(errors);
      if (await repo.usernameTaken(db, username)) throw conflict(say('unique.username'), 'username');
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction().execute(async (trx) => {
        const userId = await repo.insertUser(trx, { username, fullName: input.fullName.trim(), passwordHash, mustChangePassword: true });
        await repo.replaceRoles(trx, scope, userId, input.roles);
        await recordAudit(trx, actor, { action: 'user.create', entityType: 'user', entityId: userId, orgUnitId: input.roles[0]?.orgUnitId, details: { roles: input.roles } });
        return userId;
      });
      return one(principal, id);
    },

    async update(ctx: SignedIn, id: number, patch: { fullName?: string; active?: boolean; password?: string; roles?: RoleAssignment[] }) {
      const { principal, scope, actor } = ctx;
      const target = await manageable(principal, id);
      const errors: FieldError[] = [];
      if (patch.fullName !== undefined && !patch.fullName.trim()) errors.push({ field: 'fullName', ...say('common.required') });
      if (patch.password !== undefined && patch.password.length < PASSWORD_MIN_LENGTH) errors.push({ field: 'password', ...say('users.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) });
      if (patch.roles) {
        if (patch.roles.length === 0) errors.push({ field: 'roles', ...say('users.rolesRequired') });
        errors.push(...(await checkRoles(principal, scope, patch.roles, target.keys)));
      }
      // A reset hands the caller the target's roles: they must hold every permission those carry.
      if (patch.password !== undefined && target.held.some((h) => missingPermissions(principal, h).length)) {
        errors.push({ field: 'password', ...say('users.resetBeyondRights') });
      }
      if (patch.active === false && id === principal.userId) errors.push({ field: 'active', ...say('users.deactivateSelf') });
      if (errors.length) throw invalid(errors);
      const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, id, { fullName: patch.fullName?.trim(), active: patch.active, passwordHash });
        if (patch.roles) await repo.replaceRoles(trx, scope, id, patch.roles);
        await recordAudit(trx, actor, {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          // The units of the roles held before the change too: an auditor there sees a role removed.
          orgUnitIds: [...target.units, ...(patch.roles ?? []).map((r) => r.orgUnitId)],
          details: { fields: Object.keys(patch).filter((k) => k !== 'password'), passwordReset: patch.password !== undefined, roles: patch.roles },
        });
      });
      sessions.forgetUser(id);
      return one(principal, id);
    },
  };
}
