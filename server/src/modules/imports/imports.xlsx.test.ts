/** What the product writes as a spreadsheet is text a spreadsheet program shows, never evaluates. */
import { Readable } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { xlsxStream } from './imports.xlsx.ts';

async function bytesOf(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

it('writes formula-like texts (OWASP CSV injection) as text cells, with no formula', async () => {
  const hostile = ['=HYPERLINK("http://example.invalid","Bấm")', '+1+2', '-3+4', '@SUM(A1)', '\t=1', '\r=1', '019190012345'];
  const rows = Readable.from([[...hostile]]);
  const file = unzipSync(await bytesOf(xlsxStream('Sổ', hostile.map((_, i) => `C${i}`), rows, () => {})));
  const sheet = strFromU8(file['xl/worksheets/sheet1.xml'] as Uint8Array);
  expect(sheet).not.toMatch(/<f[ >]/);
  const row2 = /<row r="2"[^>]*>(.*?)<\/row>/s.exec(sheet)?.[1] ?? '';
  const cells = [...row2.matchAll(/<c [^>]*t="(\w+)"[^>]*>/g)].map((m) => m[1]);
  // "str" is a text value (ExcelJS writes it without a formula), as "inlineStr" and "s" are.
  expect(cells).toHaveLength(hostile.length);
  for (const type of cells) expect(['str', 'inlineStr', 's']).toContain(type);
});
