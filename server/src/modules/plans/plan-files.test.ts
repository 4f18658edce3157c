import iconv from 'iconv-lite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compoundFile, hugePngHeader, randomBytes, textPdf } from '../../../test/hostile-plan-files.ts';
import { windows1258 } from '../../../test/windows-1258.ts';
import { PLAN_FILE_LIMITS, toolMissing } from './plan-files.limits.ts';
import type { PlanTools } from './plan-files.tools.ts';
import { decodeText, imageSize, readPlanFile, readTsv, sniff } from './plan-files.ts';

describe('sniff', () => {
  it('tells a file’s kind by its first bytes, never by its name', () => {
    expect(sniff(Buffer.from('PK\u0003\u0004rest'))).toBe('docx');
    expect(sniff(textPdf('x'))).toBe('pdf');
    expect(sniff(Buffer.concat([Buffer.from('junk before the header\n'), textPdf('x')]))).toBe('pdf');
    expect(sniff(hugePngHeader())).toBe('png');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniff(compoundFile())).toBe('legacy-word');
    expect(sniff(Buffer.from('KẾ HOẠCH\nTriển khai'))).toBe('text');
    expect(sniff(Buffer.from([0xff, 0xfe, 0x4b, 0x00]))).toBe('text');
    expect(sniff(randomBytes(1000))).toBe('unknown');
    // A sample that ends inside a character is still UTF-8.
    expect(sniff(Buffer.from('Kế hoạch').subarray(0, 3))).toBe('text');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without its mark, UTF-16 both ways, and refuses anything else by name', () => {
    expect(decodeText(Buffer.from('\ufeffKế hoạch'), 'a.txt')).toEqual({ text: 'Kế hoạch', converted: null });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kế hoạch', 'utf16le')]), 'a.txt').text).toBe('Kế hoạch');
    const be = Buffer.from('Kế hoạch', 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.txt').text).toBe('Kế hoạch');
    expect(() => decodeText(Buffer.from([0x4b, 0xea, 0x20, 0x68]), 'cu.txt')).toThrow(expect.objectContaining({ status: 400, said: expect.objectContaining({ key: 'plans.files.notText', params: { name: 'cu.txt' } }) }));
  });

  const plan = 'Kế hoạch thực hiện Chỉ thị số 25-CT/TW về tăng cường củng cố y tế cơ sở; đạt 95% người dân có hồ sơ sức khỏe điện tử.';
  it('converts a text file saved by old Vietnamese software (Windows-1258, TCVN3) and says from which', () => {
    expect(sniff(windows1258(plan))).toBe('text');
    expect(decodeText(windows1258(plan), 'cu.txt')).toEqual({ text: plan, converted: 'Windows-1258' });
    expect(decodeText(iconv.encode(plan, 'tcvn'), 'abc.txt')).toEqual({ text: plan, converted: 'TCVN3 (ABC)' });
    expect(decodeText(Buffer.from(plan, 'utf16le'), 'unicode.txt')).toEqual({ text: plan, converted: null });
  });

  it('names VNI, which it cannot convert', () => {
    const vni = Buffer.from('Keá hoaïch thöïc hieän Chæ thò soá 25 veà taêng cöôøng cuûng coá y teá cô sôû', 'latin1');
    expect(sniff(vni)).toBe('text');
    expect(() => decodeText(vni, 'vni.txt')).toThrow(expect.objectContaining({ status: 400, said: expect.objectContaining({ key: 'plans.files.encodingVni', params: { name: 'vni.txt' } }) }));
  });
});

describe('imageSize', () => {
  it('reads a PNG’s and a JPEG’s size from their headers', () => {
    expect(imageSize(hugePngHeader(), 'png')).toEqual({ width: 100_000, height: 100_000 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x0d, 0xb4, 0x09, 0xb0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(imageSize(jpeg, 'jpeg')).toEqual({ width: 2480, height: 3508 });
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00, 0x00]), 'jpeg')).toBeNull();
  });
});

describe('readTsv', () => {
  it('keeps the words and weighs their confidence by length', () => {
    const tsv = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n2\t1\t1\t0\t0\t0\t0\t0\t10\t10\t-1\t\n5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t90\tKẾ\n5\t1\t1\t1\t1\t2\t50\t20\t60\t40\t60\tHOẠCH\n5\t1\t1\t1\t1\t3\t50\t20\t60\t40\t95\t \n';
    const { words, confidence } = readTsv(tsv);
    expect(words.map((w) => w.text)).toEqual(['KẾ', 'HOẠCH']);
    expect(confidence).toBeCloseTo((90 * 2 + 60 * 5) / 7);
  });
});

describe('readPlanFile on a partly scanned PDF without Tesseract', () => {
  it('refuses with 503 naming the scanned pages and what to install, rather than reading only the text pages', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-partly-'));
    const file = path.join(dir, 'upload');
    fs.writeFileSync(file, textPdf('x'));
    const letters = 'Kế hoạch triển khai thực hiện Chỉ thị số 25-CT/TW về y tế cơ sở trong tình hình mới. '.repeat(3);
    const tools: PlanTools = {
      async require(tool) {
        if (tool === 'tesseract-vie' || tool === 'tesseract') throw toolMissing(tool);
      },
      async run(program) {
        if (program === 'pdfinfo') return { stdout: 'Pages:          3\n', stderr: '' };
        if (program === 'pdftotext') return { stdout: `${letters}\f\f${letters}\f`, stderr: '' };
        throw new Error(`unexpected ${program}`);
      },
    };
    try {
      await expect(readPlanFile({ path: file, name: 'ke-hoach.pdf' }, { tools, limits: PLAN_FILE_LIMITS, ocr: { acquire: async () => () => {} } })).rejects.toMatchObject({
        status: 503,
        code: 'tool_missing',
        said: { key: 'plans.files.scannedPagesNeedOcr', params: { name: 'ke-hoach.pdf', pages: '2', packages: 'tesseract-ocr-vie' } },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
