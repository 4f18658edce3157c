import { describe, expect, it } from 'vitest';
import { readOfficialUnits } from './official-units.ts';

const { units, successions } = readOfficialUnits();
const count = (era: 'old' | 'new', level: string) => units.filter((u) => (era === 'old') === (u.validTo !== null) && u.level === level).length;

describe('official administrative units', () => {
  it('has both structures with the official counts', () => {
    expect(count('new', 'province')).toBe(34);
    expect(count('new', 'commune')).toBe(3321);
    expect(count('old', 'province')).toBe(63);
    expect(count('old', 'commune')).toBe(10056);
  });

  it('keeps every successor of a commune split between several new ones', () => {
    const split = new Map<string, number>();
    for (const s of successions) if (s.predecessorKey.startsWith('old:commune:')) split.set(s.predecessorKey, (split.get(s.predecessorKey) ?? 0) + 1);
    expect([...split.values()].some((n) => n > 1)).toBe(true);
  });

  it('passes Bắc Kạn province and its communes to Thái Nguyên', () => {
    expect(successions).toContainEqual({ predecessorKey: 'old:province:06', successorKey: 'new:province:19', note: null });
    expect(successions.filter((s) => s.successorKey === 'new:commune:01840').map((s) => s.predecessorKey).sort()).toEqual(['old:commune:01834', 'old:commune:01840', 'old:commune:01846']);
  });

  it('gives every old province a successor', () => {
    const withHeir = new Set(successions.map((s) => s.predecessorKey));
    expect(units.filter((u) => u.validTo && u.level === 'province' && !withHeir.has(u.key))).toEqual([]);
  });
});
