/**
 * The hash chain that makes the audit log tamper-evident.
 *
 * Writers only INSERT into audit_event (no lock, no extra round trip). A sealer, in the background
 * (every YTCS_AUDIT_SEAL_MS), takes the committed events not yet sealed, in id order, and appends
 * them to the chain: seal n holds hash_n = sha256(hash_{n-1} ‖ canonical(event)), with hash_0 = 32
 * zero bytes. The chain's order is the sealing order (seq), not the id order: on PostgreSQL an event
 * with a lower id can commit after one with a higher id, and it is then simply sealed in a later
 * batch; nothing waits for it. One sealer at a time holds the head row (FOR UPDATE SKIP LOCKED), so
 * several server processes never fork the chain.
 *
 * Finding the unsealed events cheaply: the sealer keeps checkpoints (time, M) meaning "every event
 * with id ≤ M that was committed at that time is sealed". Once a checkpoint is older than HORIZON,
 * events with id ≤ M can no longer appear (that would need a transaction committing more than
 * HORIZON after it wrote its audit row), so scans start above it. Most runs look only at the
 * last RECENT_IDS ids below the highest sealed one (where late commits land); every
 * HORIZON_SCAN_EVERY_MS a run scans from the horizon; the first run of each process sweeps the
 * whole log; and verification reports any event left unsealed.
 */
import { createHash } from 'node:crypto';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const GENESIS = '00'.repeat(32);
const HORIZON_MS = 10 * 60_000;
const CHECKPOINT_EVERY_MS = 30_000;
const BATCH = 5000;
const RECENT_IDS = 2000;
const HORIZON_SCAN_EVERY_MS = 60_000;

/** Where a run starts looking: the whole log, the horizon, or just below the last sealed id. */
export type SealScan = 'sweep' | 'horizon' | 'recent';

/** An event as the chain commits to it: every field as text, exactly as the database holds it. */
export interface CanonicalEvent {
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  org_unit_id: string | null;
  org_unit_ids: string;
  ip: string | null;
  request_id: string | null;
  details: string | null;
}

/** The columns of audit_event `e` as text (time in epoch microseconds, jsonb in its normal form). */
export const canonicalColumns = sql`e.id::text as id, ((extract(epoch from e.at) * 1000000)::bigint)::text as at,
  e.user_id::text as user_id, e.action, e.entity_type, e.entity_id, e.org_unit_id::text as org_unit_id,
  e.org_unit_ids::text as org_unit_ids, e.ip, e.request_id, e.details::text as details`;

export function canonical(e: CanonicalEvent): string {
  return JSON.stringify([e.id, e.at, e.user_id, e.action, e.entity_type, e.entity_id, e.org_unit_id, e.org_unit_ids, e.ip, e.request_id, e.details]);
}

/** hash_n = sha256(hash_{n-1} ‖ canonical(event)), as hex. */
export function chainHash(previousHex: string, e: CanonicalEvent): string {
  return createHash('sha256').update(Buffer.from(previousHex, 'hex')).update(canonical(e), 'utf8').digest('hex');
}

type Checkpoint = [atMs: number, maxId: number];

/** Seals up to BATCH unsealed events; returns how many (0 also when another sealer holds the head). */
export async function sealAudit(db: Kysely<DB>, options: { scan?: SealScan; now?: number } = {}): Promise<number> {
  const now = options.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const head = (
      await sql<{ seq: string; hash: string; scan_from: string; checkpoints: Checkpoint[] }>`
        select seq::text, encode(hash, 'hex') as hash, scan_from::text, checkpoints from audit_chain where id = 1 for update skip locked`.execute(trx)
    ).rows[0];
    if (!head) return 0;
    const scan = options.scan ?? 'horizon';
    let scanFrom = scan === 'sweep' ? 0 : Number(head.scan_from);
    if (scan === 'recent') {
      const last = (await sql<{ id: string | null }>`select max(event_id)::text as id from audit_seal`.execute(trx)).rows[0]?.id;
      scanFrom = Math.max(scanFrom, Number(last ?? 0) - RECENT_IDS);
    }
    const events = (
      await sql<CanonicalEvent>`
        select ${canonicalColumns} from audit_event e
        where e.id > ${scanFrom} and not exists (select 1 from audit_seal s where s.event_id = e.id)
        order by e.id limit ${BATCH}`.execute(trx)
    ).rows;
    let seq = Number(head.seq);
    let hash = head.hash;
    const seqs: number[] = [];
    const hashes: string[] = [];
    for (const e of events) {
      hash = chainHash(hash, e);
      seqs.push(++seq);
      hashes.push(hash);
    }
    if (events.length > 0) {
      await sql`insert into audit_seal (seq, event_id, hash)
        select s, e, decode(h, 'hex') from unnest(${seqs}::bigint[], ${events.map((e) => e.id)}::bigint[], ${hashes}::text[]) as t(s, e, h)`.execute(trx);
    }
    const { checkpoints, scanFrom: nextScanFrom } = advanceHorizon(head.checkpoints, Number(head.scan_from), events, events.length === BATCH, now);
    await sql`update audit_chain set seq = ${seq}, hash = decode(${hash}, 'hex'), scan_from = ${nextScanFrom},
      checkpoints = ${JSON.stringify(checkpoints)}::jsonb where id = 1`.execute(trx);
    return events.length;
  });
}

/** The checkpoints after a run, and the scan start they allow (see the header). */
export function advanceHorizon(previous: Checkpoint[], scanFrom: number, sealed: { id: string }[], limited: boolean, now: number) {
  const last = previous[previous.length - 1];
  const batchMax = sealed.length ? Number(sealed[sealed.length - 1]?.id) : 0;
  // A batch cut at BATCH leaves higher-ordered unsealed events, so it vouches only for its own max.
  const maxId = limited ? batchMax : Math.max(last?.[1] ?? scanFrom, batchMax, scanFrom);
  const checkpoints = [...previous];
  if (!last || now - last[0] >= CHECKPOINT_EVERY_MS || limited) checkpoints.push([now, maxId]);
  let next = scanFrom;
  while (checkpoints.length > 1 && (checkpoints[0]?.[0] ?? now) < now - HORIZON_MS) {
    next = Math.max(next, checkpoints[0]?.[1] ?? 0);
    checkpoints.shift();
  }
  return { checkpoints, scanFrom: next };
}

export interface Sealer {
  stop(): Promise<void>;
  /** Seals everything committed so far (tests, shutdown). */
  flush(): Promise<void>;
}

/** Seals in the background; the first run sweeps the whole log. intervalMs 0 = never by itself. */
export function startSealer(db: Kysely<DB>, intervalMs: number, onError: (e: unknown) => void): Sealer {
  let scan: SealScan = 'sweep';
  let lastWide = 0;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const runOnce = async () => {
    if (scan !== 'sweep' && Date.now() - lastWide >= HORIZON_SCAN_EVERY_MS) scan = 'horizon';
    if (scan !== 'recent') lastWide = Date.now();
    // A full batch means more may wait: go on (from the same place) until a batch is short.
    while (!stopped && (await sealAudit(db, { scan })) === BATCH) {}
    scan = 'recent';
  };
  const tick = () => {
    running = running.then(runOnce).catch(onError);
    return running;
  };
  const timer = intervalMs > 0 ? setInterval(tick, intervalMs) : null;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      stopped = true;
      await running;
    },
    flush: async () => {
      await tick();
    },
  };
}

export interface VerifyReport {
  sealed: number;
  unsealed: number;
  /** The oldest event not yet sealed (normal for a second or so after a write). */
  oldestUnsealed: { id: number; at: string } | null;
  head: { seq: number; hash: string };
  broken: { seq: number; eventId: number | null; reason: string } | null;
  seconds: number;
  eventsPerSecond: number;
}

/** Recomputes the whole chain; stops at the first broken link. Reads only. */
export async function verifyAudit(db: Db, pageSize = 10_000): Promise<VerifyReport> {
  const started = performance.now();
  let prev = GENESIS;
  let seq = 0;
  let broken: VerifyReport['broken'] = null;
  outer: for (;;) {
    const page = (
      await sql<CanonicalEvent & { seq: string; event_id: string; hash: string; found: boolean }>`
        select s.seq::text, s.event_id::text, encode(s.hash, 'hex') as hash, e.id is not null as found, ${canonicalColumns}
        from audit_seal s left join audit_event e on e.id = s.event_id
        where s.seq > ${seq} order by s.seq limit ${pageSize}`.execute(db)
    ).rows;
    if (page.length === 0) break;
    for (const row of page) {
      const at = { seq: Number(row.seq), eventId: Number(row.event_id) };
      if (at.seq !== seq + 1) {
        broken = { seq: seq + 1, eventId: null, reason: `seal ${seq + 1} is missing (next is ${at.seq})` };
        break outer;
      }
      if (!row.found) {
        broken = { ...at, reason: 'the sealed event is missing' };
        break outer;
      }
      const expected = chainHash(prev, row);
      if (expected !== row.hash) {
        broken = { ...at, reason: 'the event or its seal was changed after sealing' };
        break outer;
      }
      prev = row.hash;
      seq = at.seq;
    }
  }
  const head = (await sql<{ seq: string; hash: string }>`select seq::text, encode(hash, 'hex') as hash from audit_chain where id = 1`.execute(db)).rows[0];
  if (!broken && head && (Number(head.seq) !== seq || head.hash !== prev)) {
    broken = { seq: Number(head.seq), eventId: null, reason: `the chain ends at seal ${seq} but its head names seal ${head.seq}` };
  }
  const unsealed = (
    await sql<{ n: number; id: string | null; at: Date | null }>`
      select count(*)::int as n, min(e.id)::text as id, min(e.at) as at from audit_event e
      where not exists (select 1 from audit_seal s where s.event_id = e.id)`.execute(db)
  ).rows[0];
  const seconds = (performance.now() - started) / 1000;
  return {
    sealed: seq,
    unsealed: unsealed?.n ?? 0,
    oldestUnsealed: unsealed?.id ? { id: Number(unsealed.id), at: new Date(unsealed.at as Date).toISOString() } : null,
    head: { seq, hash: prev },
    broken,
    seconds: Math.round(seconds * 1000) / 1000,
    eventsPerSecond: seconds > 0 ? Math.round(seq / seconds) : seq,
  };
}
