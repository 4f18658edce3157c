import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { COMPUTED_INDICATORS, type ComputedIndicator } from './computed-indicators.ts';
import { registryProblems } from './definitions.ts';

const codes = COMPUTED_INDICATORS.map((e) => e.code);
const entry = (code: string, nameVi = 'Tên'): ComputedIndicator => ({
  code,
  definition: { nameVi, nameEn: 'Name', unit: 'count', numeratorVi: 'Số', denominatorVi: null, numeratorEn: 'Count', denominatorEn: null, sort: 50 },
  denominator: () => sql<boolean>`true`,
  numerator: { counts: 'resident', where: () => sql<boolean>`true` },
  periods: ['year'],
  suppression: 'small-cell',
});

describe('registryProblems', () => {
  it('finds nothing wrong with the registry and its own definitions', () => {
    expect(registryProblems(COMPUTED_INDICATORS, codes)).toEqual([]);
  });

  it('names a computed indicator row that no entry computes, and an entry without its row', () => {
    expect(registryProblems(COMPUTED_INDICATORS, [...codes, 'TIEM_DU'])).toEqual([expect.stringMatching(/^TIEM_DU: indicator marked computed, but no registry entry/)]);
    expect(registryProblems([...COMPUTED_INDICATORS, entry('ANC4')], codes)).toEqual([expect.stringMatching(/^ANC4: registry entry without a computed indicator definition/)]);
  });

  it('names an entry registered twice or without a definition', () => {
    expect(registryProblems([entry('A'), entry('A')], ['A'])).toEqual(['A: registered twice']);
    expect(registryProblems([entry('B', ' ')], ['B'])).toEqual([expect.stringMatching(/^B: registry entry without a definition/)]);
  });
});
