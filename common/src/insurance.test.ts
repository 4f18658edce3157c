import { describe, expect, it } from 'vitest';
import { isInsuredOn } from './insurance.ts';

const card = (validFrom: string | null, validTo: string | null, code: string | null = 'GD4190123456789') => ({ code, validFrom, validTo });
const today = '2026-12-02';

describe('isInsuredOn', () => {
  it('needs a card code', () => {
    expect(isInsuredOn(card(null, null, null), today)).toBe(false);
    expect(isInsuredOn(card(null, null), today)).toBe(true);
  });

  it('insures from the first day to the last day of the card, both included', () => {
    expect(isInsuredOn(card('2026-12-02', '2026-12-02'), today)).toBe(true);
    expect(isInsuredOn(card('2026-12-03', null), today)).toBe(false);
    expect(isInsuredOn(card('2099-01-01', '2099-12-31'), today)).toBe(false);
    expect(isInsuredOn(card(null, '2026-12-01'), today)).toBe(false);
    expect(isInsuredOn(card('2020-01-01', null), today)).toBe(true);
  });
});
