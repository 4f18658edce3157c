import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { windows1258 } from '../../../test/windows-1258.ts';
import { detectEncoding } from '../../text/encoding.ts';
import { UnsupportedEncoding, csvRows } from './imports.parsers.ts';

const TEXT = [
  'Họ và tên,Giới tính,Năm sinh,Thôn/Tổ dân phố,Dân tộc,Nghề nghiệp',
  'Phạm Quang Đạt,Nam,1975,Tổ dân phố 5,Tày,Làm ruộng',
  'Nguyễn Thị Hồng,Nữ,1980,Thôn Hạ,Kinh,Buôn bán',
  'Đỗ Thị Thủy,Nữ,1990,Xóm Đồng Tâm,Nùng,Giáo viên',
  'Lê Văn Hưởng,Nam,1962,Thôn Thượng,Mường,Hưu trí',
].join('\r\n');


/** VNI Windows: each marked vowel as the vowel then mark bytes ("Nguyeãn"), đ as ñ. */
const VNI = Buffer.from('Hoï vaø teân,Giôùi tính\r\nPhaïm Quang Ñaït,Nam\r\nNguyeãn Thò Hoàng,Nöõ\r\nÑoã Thò Thuûy,Nöõ\r\n', 'latin1');

async function rows(bytes: Buffer) {
  const out: string[][] = [];
  for await (const row of csvRows(Readable.from([bytes]))) out.push(row.cells as string[]);
  return out;
}

const expected = TEXT.split('\r\n').map((line) => line.split(','));

describe('the encoding of a CSV', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 either way round with and without one', async () => {
    const bom = (b: number[], body: Buffer) => Buffer.concat([Buffer.from(b), body]);
    const be = (text: string) => Buffer.from(text, 'utf16le').swap16();
    const cases: [string, Buffer, string][] = [
      ['utf8', Buffer.from(TEXT), 'utf8'],
      ['utf8 bom', bom([0xef, 0xbb, 0xbf], Buffer.from(TEXT)), 'utf8'],
      ['utf16le bom', bom([0xff, 0xfe], Buffer.from(TEXT, 'utf16le')), 'utf16le'],
      ['utf16le', Buffer.from(TEXT, 'utf16le'), 'utf16le'],
      ['utf16be bom', bom([0xfe, 0xff], be(TEXT)), 'utf16be'],
      ['utf16be', be(TEXT), 'utf16be'],
    ];
    for (const [name, bytes, encoding] of cases) {
      expect(detectEncoding(bytes, true), name).toEqual({ encoding });
      expect(await rows(bytes), name).toEqual(expected);
    }
  });

  it('converts Windows-1258 and TCVN3 (ABC) to the same Unicode text', async () => {
    const cp = windows1258(TEXT);
    expect(cp.toString('latin1')).toContain('Pha\u00f2m'); // the tone is its own byte
    expect(detectEncoding(cp, true)).toEqual({ encoding: 'windows1258' });
    expect(await rows(cp)).toEqual(expected);
    const tcvn = iconv.encode(TEXT, 'tcvn');
    expect(tcvn.toString('latin1')).toContain('Ph\u00b9m');
    expect(detectEncoding(tcvn, true)).toEqual({ encoding: 'tcvn3' });
    expect(await rows(tcvn)).toEqual(expected);
  });

  it('keeps a letter cut between two chunks whole', async () => {
    const cp = windows1258(TEXT);
    const out: string[][] = [];
    const oneByteChunks = Readable.from([...cp].map((b) => Buffer.from([b])));
    for await (const row of csvRows(oneByteChunks)) out.push(row.cells as string[]);
    expect(out).toEqual(expected);
  });

  it('refuses VNI by name, and bytes that are no Vietnamese encoding', async () => {
    expect(detectEncoding(VNI, true)).toEqual({ refused: 'vni' });
    await expect(rows(VNI)).rejects.toBeInstanceOf(UnsupportedEncoding);
    const noise = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    expect(detectEncoding(noise, true)).toEqual({ refused: 'unknown' });
  });
});
