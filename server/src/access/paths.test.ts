import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childPath, commonUnit, isBelow, isWithin, unitOfPath } from './paths.ts';

const ids = fc.array(fc.integer({ min: 1, max: 99_999 }), { minLength: 1, maxLength: 5 });

describe('org-unit paths', () => {
  it('reads the unit a path leads to', () => {
    expect(unitOfPath('1.20.300')).toBe(300);
    expect(unitOfPath('7')).toBe(7);
  });

  it('builds a child path under a parent or at the root', () => {
    expect(childPath('1.20', 300)).toBe('1.20.300');
    expect(childPath(null, 1)).toBe('1');
  });

  it('does not take a sibling whose id starts the same for an ancestor', () => {
    expect(isWithin('1.23', '1.2')).toBe(false);
    expect(isWithin('1.2.5', '1.2')).toBe(true);
    expect(isWithin('1.2', '1.2')).toBe(true);
    expect(isBelow('1.2', '1.2')).toBe(false);
    expect(isBelow('1.2.5', '1.2')).toBe(true);
  });

  it('finds the deepest unit shared by several paths', () => {
    expect(commonUnit(['1.20.300', '1.20.301'])).toBe(20);
    expect(commonUnit(['1.20.300'])).toBe(300);
    expect(commonUnit(['1.20', '2.20'])).toBeNull();
    expect(commonUnit([])).toBeNull();
  });

  it('reads back what it builds (property)', () => {
    fc.assert(
      fc.property(ids, fc.integer({ min: 1, max: 99_999 }), (units, child) => {
        const parent = units.join('.');
        const path = childPath(parent, child);
        expect(unitOfPath(path)).toBe(child);
        expect(isBelow(path, parent)).toBe(true);
        expect(commonUnit([path, parent])).toBe(units[units.length - 1]);
      }),
    );
  });
});
