import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asVnFontText, VNI_TEXT, vn3Typed } from '../../test/legacy-text.ts';
import { fromTcvn3, readLegacyVietnamese } from './legacy-vietnamese.ts';

const seed = fs.readFileSync(new URL('../../data/plans/000_812f56a7d619c33e.txt', import.meta.url), 'utf8').normalize('NFC');

describe('readLegacyVietnamese', () => {
  it('converts a plan typed in the .Vn fonts (TCVN3) and pasted or read as Windows-1252', () => {
    const garbled = asVnFontText(seed);
    expect(garbled).toContain('KÕ ho¹ch');
    expect(readLegacyVietnamese(garbled)).toEqual({ text: vn3Typed(seed), converted: 'TCVN3 (ABC)', unreadable: null });
    expect(readLegacyVietnamese(asVnFontText('Chương trình của UBND tỉnh Bắc Kạn'))).toMatchObject({ text: 'Chương trình của UBND tỉnh Bắc Kạn', converted: 'TCVN3 (ABC)' });
  });

  it('leaves modern Unicode alone, even text whose letters are all Latin-1 (already Vietnamese)', () => {
    expect(readLegacyVietnamese(seed)).toEqual({ text: seed, converted: null, unreadable: null });
    const latin1Only = 'Tôi là cán bộ y tế xã, mỗi tháng họp một lần với các chi hội';
    expect(readLegacyVietnamese(latin1Only)).toEqual({ text: latin1Only, converted: null, unreadable: null });
    expect(readLegacyVietnamese('Plan 2024 – Café (résumé)')).toMatchObject({ converted: null });
  });

  it('leaves VNI alone and says it could not be read, rather than storing mojibake', () => {
    expect(readLegacyVietnamese(VNI_TEXT)).toEqual({ text: VNI_TEXT, converted: null, unreadable: 'VNI' });
  });
});

describe('fromTcvn3', () => {
  it('maps only the legacy bytes: ASCII, line breaks and characters beyond Windows-1252 stay', () => {
    // VN3 keeps Windows' punctuation (– “ ”) where the full TCVN3 set had capitals: it stays.
    expect(fromTcvn3('KÕ ho¹ch\n\tsè 12/KH – “x” → y')).toBe('Kế hoạch\n\tsố 12/KH – “x” → y');
  });
});
