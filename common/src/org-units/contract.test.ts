import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { OrgUnitDetail, OrgUnitQuery, OrgUnitRef } from './contract.ts';

const ref = { id: 7, code: '26734', name: 'Phường Hà Đông', level: 'commune', kind: 'ward' };
const detail = { ...ref, parentId: 1, validFrom: '2025-07-01', validTo: null, childCount: 12, asOf: '2026-01-01', stateOnDate: 'valid', ancestors: [{ ...ref, id: 1, level: 'province', kind: 'city' }], predecessors: [{ ...ref, id: 3, note: null }], successors: [], serves: [], servedBy: [] };

describe('org-unit contract', () => {
  it('takes a unit with its ancestors (the registered OrgUnitRef)', () => {
    expect(Value.Check({ OrgUnitRef }, OrgUnitDetail, detail)).toBe(true);
  });

  it('says whether the unit existed on the date asked, in one of three words', () => {
    expect(Value.Check({ OrgUnitRef }, OrgUnitDetail, { ...detail, stateOnDate: 'future' })).toBe(true);
    expect(Value.Check({ OrgUnitRef }, OrgUnitDetail, { ...detail, stateOnDate: 'gone' })).toBe(false);
  });

  it('refuses a level or kind the tree does not have', () => {
    expect(Value.Check(OrgUnitRef, { ...ref, level: 'hamlet' })).toBe(false);
    expect(Value.Check({ OrgUnitRef }, OrgUnitDetail, { ...detail, ancestors: [{ ...ref, kind: 'county' }] })).toBe(false);
    expect(Value.Check(OrgUnitQuery, { limit: 50, offset: 0, level: 'village' })).toBe(true);
    expect(Value.Check(OrgUnitQuery, { limit: 50, offset: 0, level: 'town' })).toBe(false);
  });
});
