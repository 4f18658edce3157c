/**
 * Signing in and out, the caller's profile, changing one's password. Repeated failures lock the
 * account with a growing back-off: 5 failures → 1 minute, doubling with each further failure up
 * to 1 hour; a success clears the count.
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../../access/principal.ts';
import { permissionsOf } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid } from '../../errors.ts';
import type { Actor } from '../../http/app-types.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './auth.repository.ts';
import { PASSWORD_MIN_LENGTH, decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import type { SessionService } from './auth.session.ts';

export const LOCK_AFTER_FAILURES = 5;
const MAX_LOCK_MS = 60 * 60 * 1000;

const wrongCredentials = () =>
  new AppError(401, 'wrong_credentials', 'Sai tên đăng nhập hoặc mật khẩu', 'Wrong username or password');

const locked = (until: Date) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError(
    429,
    'locked',
    `Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ${Math.ceil(seconds / 60)} phút`,
    `Account locked after repeated failures; try again in ${Math.ceil(seconds / 60)} min`,
    undefined,
    { retryAfterSeconds: seconds },
  );
};

export function lockDuration(failures: number): number | null {
  if (failures < LOCK_AFTER_FAILURES) return null;
  return Math.min(60_000 * 2 ** (failures - LOCK_AFTER_FAILURES), MAX_LOCK_MS);
}

export function authService(db: Kysely<DB>, sessions: SessionService) {

  async function me(principal: Principal) {
    const { user, roles } = await repo.meOf(db, principal.userId);
    return {
      id: user.id,
      username: user.username,
      fullName: user.full_name,
      mustChangePassword: user.must_change_password,
      roles: roles.map((r) => ({
        role: r.code,
        roleName: { vi: r.name_vi, en: r.name_en },
        orgUnit: { id: r.id, code: r.org_code, name: r.name, level: r.level, kind: r.kind },
      })),
      permissions: permissionsOf(principal),
    };
  }

  return {
    sessions,
    me,

    async login(username: string, password: string, actor: Actor) {
      const user = await repo.findUserByUsername(db, username.trim().toLowerCase());
      if (!user?.active) {
        await verifyPassword(await decoyHash(), password);
        await recordAudit(db, actor, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null });
        throw wrongCredentials();
      }
      if (user.locked_until && user.locked_until.getTime() > Date.now()) {
        await recordAudit(db, { ...actor, userId: user.id }, { action: 'auth.login_locked', entityType: 'user', entityId: user.id });
        throw locked(user.locked_until);
      }
      if (!(await verifyPassword(user.password_hash, password))) {
        const failures = user.failed_logins + 1;
        const lockMs = lockDuration(failures);
        const until = lockMs ? new Date(Date.now() + lockMs) : null;
        await db.transaction().execute(async (trx) => {
          await repo.recordFailedLogin(trx, user.id, until);
          await recordAudit(trx, { ...actor, userId: user.id }, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, details: { failures } });
        });
        if (until) throw locked(until);
        throw wrongCredentials();
      }
      const session = await db.transaction().execute(async (trx) => {
        await repo.clearFailedLogins(trx, user.id);
        await recordAudit(trx, { ...actor, userId: user.id }, { action: 'auth.login', entityType: 'user', entityId: user.id });
        return sessions.create(trx, user.id, actor.ip);
      });
      const principal = await sessions.resolve(session.token);
      if (!principal) throw wrongCredentials();
      return { session, user: await me(principal) };
    },

    async logout(principal: Principal, actor: Actor) {
      await sessions.end(principal.sessionHash);
      await recordAudit(db, actor, { action: 'auth.logout', entityType: 'user', entityId: principal.userId });
    },

    async changePassword(principal: Principal, current: string, next: string, actor: Actor) {
      const user = await repo.findUserPassword(db, principal.userId);
      if (!user || !(await verifyPassword(user.password_hash, current))) {
        throw invalid([{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng', messageEn: 'Current password is wrong' }]);
      }
      if (next.length < PASSWORD_MIN_LENGTH || next === current) {
        throw invalid([{ field: 'newPassword', message: `Mật khẩu mới cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự và khác mật khẩu cũ`, messageEn: `The new password needs at least ${PASSWORD_MIN_LENGTH} characters and must differ from the old one` }]);
      }
      const hash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await repo.setPassword(trx, principal.userId, hash, false);
        await repo.deleteOtherSessions(trx, principal.userId, principal.sessionHash);
        await recordAudit(trx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: principal.userId });
      });
      sessions.forgetUser(principal.userId);
    },
  };
}
