/**
 * The audit log made complete and tamper-evident:
 * - every event carries the org units it concerns (org_unit_ids, GIN-indexed), so an auditor of a
 *   province sees sign-ins, user edits, searches and report runs of that province, not only the
 *   events that named one unit; ytcs_audit_units() is the one rule deriving them;
 * - audit_event and audit_seal are append-only: a trigger refuses UPDATE, DELETE and TRUNCATE;
 * - a sealer (server/src/modules/audit/audit.chain.ts) hash-chains committed events in the
 *   background, in audit_seal (seq, event_id, hash = sha256(previous hash ‖ canonical event));
 *   writers never wait on a chain lock, and audit_chain holds the head.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The units an event concerns: those the caller named; for an event about a user (sign-in,
    -- failed login, user edit) also the units where that user holds roles and the units of the
    -- roles it granted; when that leaves none, the units where the acting user holds roles.
    -- Events with no unit at all (a failed login under an unknown name) are seen country-wide only.
    create or replace function ytcs_audit_units(given bigint[], entity_type text, entity_id text, actor bigint, details jsonb)
      returns bigint[] language sql stable parallel safe
      as $$
        select coalesce(
          (select array_agg(distinct u order by u) from (
             select unnest(given) as u
             union all
             select r.org_unit_id from user_role r
              where entity_type = 'user'
                and r.user_id = case when entity_id ~ '^[0-9]{1,15}$' then entity_id::bigint end
             union all
             select (v #>> '{}')::bigint from jsonb_path_query(coalesce(details, '{}'::jsonb),
               '$.roles[*].orgUnitId ? (@.type() == "number")') as v
              where entity_type = 'user'
          ) x where u is not null),
          (select array_agg(distinct r.org_unit_id order by r.org_unit_id) from user_role r where r.user_id = actor),
          '{}'::bigint[])
      $$;

    alter table audit_event add column org_unit_ids bigint[] not null default '{}';
    update audit_event set org_unit_ids = ytcs_audit_units(
      case when org_unit_id is null then '{}'::bigint[] else array[org_unit_id] end, entity_type, entity_id, user_id, details);
    create index audit_event_units on audit_event using gin (org_unit_ids);

    create table audit_seal (
      seq bigint primary key,
      event_id bigint not null unique references audit_event(id),
      hash bytea not null,
      sealed_at timestamptz not null default now()
    );

    -- The head of the chain, and the sealer's horizon: events with id <= scan_from were sealed
    -- long enough ago that no transaction still holding a lower id can commit (see audit.chain.ts).
    create table audit_chain (
      id int primary key check (id = 1),
      seq bigint not null,
      hash bytea not null,
      scan_from bigint not null default 0,
      checkpoints jsonb not null default '[]'
    );
    insert into audit_chain (id, seq, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

    create or replace function ytcs_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'nhật ký truy cập chỉ được ghi thêm / % is append-only (% refused)', tg_table_name, tg_op
          using errcode = 'insufficient_privilege';
      end
    $$;
    create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function ytcs_append_only();
    create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function ytcs_append_only();
    create trigger audit_seal_append_only before update or delete on audit_seal
      for each row execute function ytcs_append_only();
    create trigger audit_seal_no_truncate before truncate on audit_seal
      for each statement execute function ytcs_append_only();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
