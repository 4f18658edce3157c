/**
 * Accounts (issue 9): sign-in attempts counted per (username, source) and per username, so a
 * stranger slows guessing without locking the owner out; roles that oversee administrators.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- An oversight role (the data-protection auditor) checks what administrators do, so the
    -- administrators it checks must not control its accounts: it ranks with the top role.
    alter table role add column oversight boolean not null default false;
    update role set oversight = true where code = 'auditor';

    -- Keyed by the typed username, known or not, so an unknown name is counted exactly like a
    -- known one. source '' is the account as a whole (all sources together).
    create table login_attempt (
      username text not null,
      source text not null,
      failures int not null default 0,
      locked_until timestamptz,
      updated_at timestamptz not null default now(),
      primary key (username, source)
    );
    create index login_attempt_updated on login_attempt (updated_at);

    create index session_expires on session (expires_at);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
