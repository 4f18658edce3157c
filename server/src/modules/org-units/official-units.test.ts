import { describe, expect, it } from 'vitest';
import { officialName, readOfficialUnits } from './official-units.ts';

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

describe('official names and kinds', () => {
  const named = (name: string) => units.filter((u) => u.name === name);

  it('writes the kind words as the official list does: capital first word only', () => {
    const [city] = named('Thành phố Bắc Kạn');
    expect(city).toMatchObject({ level: 'district', kind: 'city', code: '058' });
    expect(units.filter((u) => /^(Thành Phố|Thị Xã|Thị Trấn|Đặc Khu|xã|phường) /.test(u.name))).toEqual([]);
  });

  it('gives towns and townships their kind whatever the source wrote', () => {
    expect(named('Thị xã Buôn Hồ')[0]?.kind).toBe('town');
    expect(named('Thị trấn Chợ Rã')[0]).toMatchObject({ level: 'commune', kind: 'township' });
    for (const u of units) {
      if (u.name.startsWith('Thị xã ')) expect(u.kind, u.name).toBe('town');
      if (u.name.startsWith('Thị trấn ')) expect(u.kind, u.name).toBe('township');
      if (u.name.startsWith('Thành phố ')) expect(u.kind, u.name).toBe('city');
    }
  });

  it('normalises a name without touching the place name', () => {
    expect(officialName('Thành Phố Bắc Kạn')).toBe('Thành phố Bắc Kạn');
    expect(officialName('Thị Xã Phú Thọ')).toBe('Thị xã Phú Thọ');
    expect(officialName('xã Bắc Sơn')).toBe('Xã Bắc Sơn');
    expect(officialName('  Phường   Đức Xuân ')).toBe('Phường Đức Xuân');
    expect(officialName('Xã Thành Phố Mới')).toBe('Xã Thành Phố Mới');
  });
});
