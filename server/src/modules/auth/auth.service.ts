/**
 * Signing in and out, the caller's profile, changing one's password. Guessing is slowed per
 * (username, source) and per username by login-throttle.ts; a stranger cannot lock the owner out.
 */
import { newPasswordProblem, say } from '@ytcs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { RequestContext, SignedIn } from '../../access/context.ts';
import { type Principal, permissionsOf } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './auth.repository.ts';
import type { SessionService } from './auth.session.ts';
import { SLOW_DOWN_MS, WARN_WHEN_LEFT, loginThrottle } from './login-throttle.ts';
import { PASSWORD_MIN_LENGTH, decoyHash, hashPassword, verifyPassword } from './passwords.ts';

export { LOCK_AFTER_FAILURES } from './login-throttle.ts';

/** A wrong name or password; with few attempts left before this source must wait, how many. */
const wrongCredentials = (left?: number) =>
  left !== undefined && left > 0 && left <= WARN_WHEN_LEFT
    ? new AppError(401, 'wrong_credentials', say('signIn.attemptsLeft', { left }), undefined, { attemptsLeft: left })
    : new AppError(401, 'wrong_credentials', say('auth.wrongCredentials'));

/** Said the same whether or not the name is an account: the wait belongs to this source. */
const tooManyAttempts = (until: Date) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(429, 'too_many_attempts', say('auth.tooManyAttempts', { minutes }), undefined, { retryAfterSeconds: seconds });
};


export function authService(db: Kysely<DB>, sessions: SessionService) {
  const throttle = loginThrottle(db);

  async function profile(principal: Principal) {
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
    me: (ctx: SignedIn) => profile(ctx.principal),

    /** The context of a public route: only its actor (source address, request id) is known. */
    async login(ctx: Pick<RequestContext, 'actor'>, typed: string, password: string) {
      const { actor } = ctx;
      const username = typed.trim().toLowerCase();
      const source = actor.ip ?? 'unknown';
      const attempt = await throttle.reserve(username, source);
      const user = await repo.findUserByUsername(db, username);
      const account = user?.active ? user : null;
      if (!attempt.checked) {
        await recordAudit(db, { ...actor, userId: account?.id ?? null }, { action: 'auth.login_locked', entityType: 'user', entityId: account?.id ?? null });
        throw tooManyAttempts(attempt.lockedUntil);
      }
      if (attempt.slowed) await sleep(SLOW_DOWN_MS);
      // An unknown or inactive name is checked against a decoy: same time, same counting.
      const right = await verifyPassword(account?.password_hash ?? (await decoyHash()), password);
      if (!account || !right) {
        await throttle.failed(username);
        await recordAudit(db, { ...actor, userId: account?.id ?? null }, { action: 'auth.login_failed', entityType: 'user', entityId: account?.id ?? null, details: { attempt: attempt.attempt } });
        if (attempt.lockedUntil) throw tooManyAttempts(attempt.lockedUntil);
        throw wrongCredentials(attempt.left);
      }
      const session = await db.transaction().execute(async (trx) => {
        await throttle.succeeded(trx, username, source);
        await sessions.purgeExpired(trx);
        await recordAudit(trx, { ...actor, userId: account.id }, { action: 'auth.login', entityType: 'user', entityId: account.id });
        return sessions.create(trx, account.id, actor.ip);
      });
      const principal = await sessions.resolve(session.token);
      if (!principal) throw wrongCredentials();
      return { session, user: await profile(principal) };
    },

    async logout(ctx: SignedIn) {
      const { principal, actor } = ctx;
      await sessions.end(principal.sessionHash);
      await recordAudit(db, actor, { action: 'auth.logout', entityType: 'user', entityId: principal.userId });
    },

    async changePassword(ctx: SignedIn, current: string, next: string) {
      const { principal, actor } = ctx;
      const user = await repo.findUserPassword(db, principal.userId);
      if (!user || !(await verifyPassword(user.password_hash, current))) {
        throw invalid([{ field: 'currentPassword', ...say('auth.currentPasswordWrong') }]);
      }
      if (newPasswordProblem(next, current)) {
        throw invalid([{ field: 'newPassword', ...say('auth.newPasswordWeak', { min: PASSWORD_MIN_LENGTH }) }]);
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
