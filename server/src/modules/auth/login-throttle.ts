/**
 * Slowing password guessing without letting a stranger lock the owner out (OWASP's
 * authentication cheat sheet): every attempt is counted per (username, source) — the source is
 * the client address — and per username across all sources; names that match no account are
 * counted exactly like real ones, so an answer reveals nothing about which accounts exist.
 *
 * - Per (username, source): LOCK_AFTER_FAILURES attempts, then that source waits a back-off that
 *   doubles with each further failure (1 min … 1 h). The attempt is reserved BEFORE the password
 *   is checked, in one atomic upsert, so a concurrent burst gets exactly LOCK_AFTER_FAILURES
 *   checks and every other request is refused; a source that has not failed is not affected.
 * - Per username: past ACCOUNT_CEILING failures in ACCOUNT_WINDOW the account is slowed, not
 *   locked: each source gets one check before its back-off and every check waits SLOW_DOWN_MS.
 *   The owner, from a source that has not failed, still signs in.
 * - Per source (any username): the route's @fastify/rate-limit, LOGIN_PER_SOURCE_PER_MINUTE.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export const LOCK_AFTER_FAILURES = 5;
export const ACCOUNT_CEILING = 20;
export const SLOW_DOWN_MS = 1000;
export const LOGIN_PER_SOURCE_PER_MINUTE = 30;
const MAX_LOCK_MS = 60 * 60 * 1000;
/** A source's record is forgotten a day after its last attempt; the account's after an hour. */
const SOURCE_MEMORY = '24 hours';
const ACCOUNT_WINDOW = '1 hour';
const ACCOUNT = '';

/** `left`: the attempts this source has before its wait, once this one fails. */
export type Reservation = { checked: true; attempt: number; left: number; lockedUntil: Date | null; slowed: boolean } | { checked: false; lockedUntil: Date };

/** From how few attempts left a failed sign-in says how many remain (the same for every name). */
export const WARN_WHEN_LEFT = 2;

export function loginThrottle(db: Kysely<DB>) {
  return {
    /**
     * Counts this attempt and says whether the password may be checked. One statement per row:
     * the row lock of the upsert serialises concurrent attempts, so none is lost or double-checked.
     */
    async reserve(username: string, source: string): Promise<Reservation> {
      const account = await db
        .selectFrom('login_attempt')
        .where('username', '=', username)
        .where('source', '=', ACCOUNT)
        .where('updated_at', '>', sql<Date>`now() - ${ACCOUNT_WINDOW}::interval`)
        .select('failures')
        .executeTakeFirst();
      const slowed = (account?.failures ?? 0) >= ACCOUNT_CEILING;
      const allowed = slowed ? 1 : LOCK_AFTER_FAILURES;
      const next = sql`(case when a.updated_at < now() - ${SOURCE_MEMORY}::interval then 1 else a.failures + 1 end)`;
      const lockFrom = (n: unknown) =>
        sql`case when ${n} >= ${allowed} then now() + least(60000 * power(2, ${n} - ${allowed}), ${MAX_LOCK_MS}) * interval '1 millisecond' end`;
      const result = await sql<{ failures: number; locked_until: Date | null }>`
        insert into login_attempt as a (username, source, failures, locked_until, updated_at)
        values (${username}, ${source}, 1, ${lockFrom(sql`1`)}, now())
        on conflict (username, source) do update set failures = ${next}, locked_until = ${lockFrom(next)}, updated_at = now()
        where a.locked_until is null or a.locked_until <= now()
        returning a.failures, a.locked_until
      `.execute(db);
      const row = result.rows[0];
      if (row) return { checked: true, attempt: row.failures, left: Math.max(0, allowed - row.failures), lockedUntil: row.locked_until, slowed };
      const held = await db
        .selectFrom('login_attempt')
        .where('username', '=', username)
        .where('source', '=', source)
        .select('locked_until')
        .executeTakeFirstOrThrow();
      return { checked: false, lockedUntil: held.locked_until ?? new Date() };
    },

    /** A checked password was wrong: count it against the account as a whole. */
    async failed(username: string) {
      await sql`
        insert into login_attempt as a (username, source, failures, updated_at) values (${username}, ${ACCOUNT}, 1, now())
        on conflict (username, source) do update set
          failures = case when a.updated_at < now() - ${ACCOUNT_WINDOW}::interval then 1 else a.failures + 1 end,
          updated_at = now()
      `.execute(db);
    },

    /** The right password from this source: its record is cleared (the account's count stays). */
    async succeeded(trx: Kysely<DB>, username: string, source: string) {
      await trx.deleteFrom('login_attempt').where('username', '=', username).where('source', '=', source).execute();
    },

  };
}
