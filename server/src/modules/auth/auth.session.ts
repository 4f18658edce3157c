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

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function sessionService(db: Kysely<DB>, config: Pick<Config, 'sessionIdleMinutes'>) {
  const idleMs = config.sessionIdleMinutes * 60 * 1000;
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
      const row = await repo.findSession(db, sessionHash);
      if (!row) return null;
      // Sliding expiry, written at most once a minute so reads stay reads.
      if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
        await repo.touchSession(db, sessionHash, expiry(row.created_at));
      }
      return { userId: row.user_id, username: row.username, sessionHash, grants: row.grants ?? [] };
    },

    end: (sessionHash: string) => repo.deleteSession(db, sessionHash),
  };
}
