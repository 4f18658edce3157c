/**
 * Every action and entity type the server writes to the audit log is one the log can name
 * (common/src/audit/codes.ts, labelled in both languages): read off the source, so a new
 * recordAudit call with a new code fails here until it is listed and labelled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@ytcs/common';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Codes as written: `action: '…'`, a default `action = '…'` or `action: AuditAction = '…'`, read events `['record.read', …]`, and `resident.${event.kind}`. */
export function writtenCodes(source: string) {
  const actions = new Set<string>();
  for (const m of source.matchAll(/\baction(?:\??:\s*[A-Za-z]+)?\s*[:=]\s*'([a-z_]+\.[a-z_.]+)'/g)) actions.add(m[1] as string);
  for (const m of source.matchAll(/reads\.record\([^[]*\[\s*'([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1] as string);
  for (const m of source.matchAll(/action:\s*`([a-z_]+)\.\$\{[^}]*\.kind\}`/g)) {
    // Life events: the kinds the route accepts (registry's lifeEvent).
    for (const kind of ['move_out', 'move_in', 'death']) actions.add(`${m[1]}.${kind}`);
  }
  const entities = new Set<string>();
  for (const m of source.matchAll(/\bentityType:\s*'([a-z_]+)'/g)) entities.add(m[1] as string);
  return { actions, entities };
}

describe('the audit codes the server writes', () => {
  const all = sources(SRC).map((f) => writtenCodes(fs.readFileSync(f, 'utf8')));
  const actions = [...new Set(all.flatMap((c) => [...c.actions]))].sort();
  const entities = [...new Set(all.flatMap((c) => [...c.entities]))].sort();

  it('finds codes written each way (the scan can fail)', () => {
    const lifeEvent = ['{ action: `resident.', '$', '{event.kind}` }'].join('');
    const found = writtenCodes(`recordAudit(trx, a, { action: 'x.y', entityType: 'thing' }); reads.record(ctx, id, ['r.read', ...also]); ${lifeEvent}; function f(action: AuditAction = 'p.q') {}`);
    expect([...found.actions].sort()).toEqual(['p.q', 'r.read', 'resident.death', 'resident.move_in', 'resident.move_out', 'x.y']);
    expect([...found.entities]).toEqual(['thing']);
    expect(actions.length).toBeGreaterThan(30);
  });

  it('are all listed, so each has a Vietnamese and an English label', () => {
    expect(actions.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
    expect(entities.filter((t) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(t))).toEqual([]);
  });

  it('lists no code the server never writes', () => {
    expect(AUDIT_ACTIONS.filter((a) => !actions.includes(a))).toEqual([]);
  });
});
