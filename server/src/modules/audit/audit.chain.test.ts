import { describe, expect, it } from 'vitest';
import { type CanonicalEvent, GENESIS, advanceHorizon, chainHash } from './audit.chain.ts';

const event = (id: number, over: Partial<CanonicalEvent> = {}): CanonicalEvent => ({
  id: String(id),
  at: '1764681600000000',
  user_id: '7',
  action: 'resident.read',
  entity_type: 'resident',
  entity_id: '42',
  org_unit_id: '3',
  org_unit_ids: '{3}',
  ip: '127.0.0.1',
  request_id: 'req-1',
  details: null,
  ...over,
});

describe('chainHash', () => {
  it('commits to the previous hash and to every field of the event', () => {
    const h1 = chainHash(GENESIS, event(1));
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS, event(1))).toBe(h1);
    expect(chainHash(h1, event(1))).not.toBe(h1);
    for (const field of ['at', 'user_id', 'action', 'entity_id', 'org_unit_ids', 'ip', 'details'] as const) {
      expect(chainHash(GENESIS, event(1, { [field]: 'x' }))).not.toBe(h1);
    }
    // A field moved into its neighbour is a different event, not the same concatenation.
    expect(chainHash(GENESIS, event(1, { entity_type: 'resident4', entity_id: '2' }))).not.toBe(h1);
  });
});

describe('advanceHorizon', () => {
  const minute = 60_000;
  it('starts scans above a checkpoint only once it is older than ten minutes', () => {
    let state = advanceHorizon([], 0, [{ id: '10' }], false, 0);
    expect(state).toEqual({ checkpoints: [[0, 10]], scanFrom: 0 });
    state = advanceHorizon(state.checkpoints, state.scanFrom, [{ id: '20' }], false, 5 * minute);
    expect(state.scanFrom).toBe(0);
    state = advanceHorizon(state.checkpoints, state.scanFrom, [], false, 11 * minute);
    expect(state.scanFrom).toBe(10);
    expect(state.checkpoints.map((c) => c[1])).toEqual([20, 20]);
  });

  it('lets a batch cut at its limit vouch only for its own highest id', () => {
    const state = advanceHorizon([[0, 500]], 0, [{ id: '100' }, { id: '200' }], true, 1000);
    expect(state.checkpoints[state.checkpoints.length - 1]).toEqual([1000, 200]);
  });
});
