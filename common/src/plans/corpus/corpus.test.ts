/**
 * The plan importer on its corpus: every seed in every shape real plans arrive in. The original
 * and its Party committee shape read exactly; no shape may make it invent a value. What is not
 * read yet is pinned so that it only improves (`npx tsx scripts/plans/corpus.ts --mistakes`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../parse.ts';
import { addScores, NO_SCORE, type Score, scoreDraft } from './score.ts';
import { digitSlips, flatClosing, ocrNoise, variantsOf, withoutDiacritics } from './variants.ts';

const SEEDS = new URL('../../../../server/data/plans/', import.meta.url);
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ seed: f.slice(0, 3), text: readFileSync(new URL(f, SEEDS), 'utf8') }));

function totals(): Map<string, Score> {
  const out = new Map<string, Score>();
  for (const { seed, text } of seeds) {
    const reference = parsePlanText(text);
    for (const v of variantsOf(seed, text)) {
      const s = scoreDraft(parsePlanText(v.text), reference, v.expected);
      out.set(v.name, addScores(out.get(v.name) ?? NO_SCORE, s));
    }
  }
  return out;
}

describe('the plan importer on the corpus', () => {
  const score = totals();
  const of = (name: string) => score.get(name) as Score;

  it('has the three seeds', () => {
    expect(seeds.map((s) => s.seed)).toEqual(['000', '001', '004']);
  });

  it('reads the originals exactly', () => {
    expect(of('original').mistakes).toEqual([]);
    expect(of('original').right).toBe(of('original').fields);
    for (const { text } of seeds) expect(parsePlanText(text).warnings.map((w) => w.key)).not.toContain('plans.draft.truncated');
  });

  it('reads Party committee plans exactly: dash-numbered headings, the committee, T/M BAN THƯỜNG VỤ', () => {
    expect(of('party').mistakes).toEqual([]);
    expect(of('party').right).toBe(of('party').fields);
  });

  it('reads a flattened Party closing, and takes no recipient for a lost name', () => {
    expect(of('party-flat').mistakes).toEqual([]);
    expect(of('party-flat').right).toBe(of('party-flat').fields);
    expect(of('party-flat-noname').mistakes).toEqual([]);
    expect(of('party-flat-noname').right).toBe(of('party-flat-noname').fields);
  });

  it('invents nothing from OCR noise or a cut-off document, and says the document is cut off', () => {
    expect(of('ocr').mistakes).toEqual([]);
    expect(of('truncated').mistakes).toEqual([]);
    expect(of('ocr').right).toBeGreaterThanOrEqual(211);
    expect(of('truncated').right).toBeGreaterThanOrEqual(151);
  });

  it("gives the targets the situation section's figures as baselines, and invents none", () => {
    expect(of('situation').mistakes).toEqual([]);
    expect(of('situation').right).toBe(of('situation').fields);
    expect(of('situation').baselines.found).toBeGreaterThanOrEqual(28);
    for (const name of score.keys()) expect(of(name).baselines.wrong, name).toBe(0);
  });

  it('keeps no number OCR slipped into another (950%, 9,5%): each is left empty with a warning', () => {
    expect(of('ocr-digits').mistakes).toEqual([]);
    expect(of('ocr-digits').right).toBeGreaterThanOrEqual(204);
  });

  it('reads text without diacritics with nothing invented, and no less than now', () => {
    expect(of('no-diacritics').mistakes).toEqual([]);
    expect(of('no-diacritics').right).toBeGreaterThanOrEqual(209);
  });
});

describe('the transformations', () => {
  it('strips every diacritic and keeps case', () => {
    expect(withoutDiacritics('Đỗ Thị Thủy, ĐẢNG ỦY XÃ')).toBe('Do Thi Thuy, DANG UY XA');
  });

  it('interleaves the two columns of a closing, and can lose the name', () => {
    const text = 'Trên đây là kế hoạch./.\nNơi nhận:\n- Sở Y tế;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐào Nguyên Dũng';
    expect(flatClosing(text)).toBe('Trên đây là kế hoạch./.\nNơi nhận:\nKT. CHỦ TỊCH\n- Sở Y tế;\nPHÓ CHỦ TỊCH\n- Lưu: VT.\nĐào Nguyên Dũng');
    expect(flatClosing(text, true)).toBe('Trên đây là kế hoạch./.\nNơi nhận:\nKT. CHỦ TỊCH\nSở Y tế\nPHÓ CHỦ TỊCH\nLưu VT');
  });

  it('slips digits of some percentages into other numbers, the same on every run', () => {
    const text = seeds[0]?.text ?? '';
    expect(digitSlips(text)).toBe(digitSlips(text));
    expect(digitSlips(text)).toMatch(/\b950%|\b\d,\d+%/);
  });

  it('garbles the same way on every run, and only some percentages', () => {
    const text = seeds[0]?.text ?? '';
    expect(ocrNoise(text)).toBe(ocrNoise(text));
    expect(ocrNoise(text)).not.toBe(text);
    expect(ocrNoise(text)).toMatch(/\d%/);
  });
});

describe('a percentage OCR garbled', () => {
  it('gives no value rather than a guessed one, and says which could not be read', () => {
    const plan = parsePlanText('KẾ HOẠCH\nThực hiện\nII. MỤC TIÊU\n- Phấn đấu đến năm 2030 trên 9S% dân số được quản lý sức khỏe.\n- Duy trì 1O0% dân số có hồ sơ sức khỏe điện tử.\n');
    expect(plan.targets.map((t) => t.value)).toEqual([]);
    expect(plan.warnings.find((w) => w.key === 'plans.draft.percentUnreadable')?.vi).toBe(
      '2 số phần trăm không đọc được (có thể do bản quét), không lấy làm chỉ tiêu: 9S%, 1O0%.',
    );
  });
});
