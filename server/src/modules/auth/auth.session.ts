/**
 * Sessions: a random token in an HttpOnly cookie, only its SHA-256 in the database (a stolen
 * table yields no usable session). A session ends after an idle period or 24 h after login.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Principal } from '../../access/principal.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import * as repo from './auth.repository.ts';

export const SESSION_COOKIE = 'ytcs_session';
const ABSOLUTE_MS = 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;
/** Expired sessions are purged at every sign-in and at least this often. */
export const PURGE_EVERY_MS = 10 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Resolved principals are kept in memory for a few seconds: the lookup is most of the cost of a
 * small request. Signing out, changing a password and any change to a user's roles or status
 * clear the entries at once in this process; another server process sees them within CACHE_MS.
 */
const CACHE_MS = 10_000;
const CACHE_MAX = 10_000;

export type SessionService = ReturnType<typeof sessionService>;

export function sessionService(db: Kysely<DB>, config: Pick<Config, 'sessionIdleMinutes'>) {
  const idleMs = config.sessionIdleMinutes * 60 * 1000;
  const cache = new Map<string, { principal: Principal; until: number }>();
  const forget = (predicate: (p: Principal) => boolean) => {
    for (const [hash, entry] of cache) if (predicate(entry.principal)) cache.delete(hash);
  };
  const expiry = (createdAt: Date, now = Date.now()) => new Date(Math.min(now + idleMs, createdAt.getTime() + ABSOLUTE_MS));

  return {
    idleMs,
    /** Pass the caller's transaction: on PGlite a second connection does not exist. */
    async create(trx: Kysely<DB>, userId: number, ip: string | null): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = expiry(new Date());
      await repo.insertSession(trx, hashToken(token), userId, expiresAt, ip);
      return { token, expiresAt };
    },

    async resolve(token: string): Promise<Principal | null> {
      const sessionHash = hashToken(token);
      const cached = cache.get(sessionHash);
      if (cached && cached.until > Date.now()) return cached.principal;
      const row = await repo.findSession(db, sessionHash, ABSOLUTE_MS);
      if (!row) {
        cache.delete(sessionHash);
        return null;
      }
      // Sliding expiry, written at most once a minute so reads stay reads.
      if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
        await repo.touchSession(db, sessionHash, expiry(row.created_at));
      }
      const principal: Principal = { userId: row.user_id, username: row.username, sessionHash, grants: row.grants ?? [], mustChangePassword: row.must_change_password };
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
      cache.set(sessionHash, { principal, until: Math.min(Date.now() + CACHE_MS, row.expires_at.getTime()) });
      return principal;
    },

    async end(sessionHash: string) {
      cache.delete(sessionHash);
      await repo.deleteSession(db, sessionHash);
    },

    /** Deletes sessions past their idle or absolute end (and stale sign-in attempt counts). */
    purgeExpired: (trx: Kysely<DB> = db) => repo.deleteExpired(trx, ABSOLUTE_MS),

    /** After a change to the user's password, roles or status. */
    forgetUser(userId: number) {
      forget((p) => p.userId === userId);
    },
  };
}
