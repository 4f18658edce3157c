/**
 * Hostile and broken plan files for the plan file tests, built in memory in milliseconds: random
 * bytes, Word zip bombs (honest and lying about their size, too many parts), PDFs written by hand
 * (too many pages, a password, a content stream that keeps pdftotext busy), an image whose header
 * claims billions of pixels. Nothing here is read by the server.
 */
import zlib from 'node:zlib';
import { deflated as part, repeated, zip } from './raw-zip.ts';

/** Bytes that look like nothing (a seeded generator: the same bytes on every run, never a magic number). */
export function randomBytes(length: number, seed = 7): Buffer {
  let a = seed >>> 0;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  out[0] = 0x00; // and a NUL first: not text either
  return out;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A document.xml of `copies` × a paragraph, deflated without ever holding the expanded text. */
function repeatedDocument(copies: number): { data: Buffer; size: number } {
  const block = '<w:p><w:r><w:t>Kế hoạch Kế hoạch Kế hoạch Kế hoạch Kế hoạch</w:t></w:r></w:p>'.repeat(64);
  return repeated(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>`, block, copies, '</w:body></w:document>');
}

/** A .docx whose document.xml says, truthfully, that it is ~100 MB. */
export function honestDocxBomb(): Buffer {
  const doc = repeatedDocument(20_000);
  return zip([part('[Content_Types].xml', CONTENT_TYPES), part('_rels/.rels', RELS), { name: 'word/document.xml', data: doc.data, declared: doc.size }]);
}

/** A .docx whose document.xml claims 2 KB and inflates to ~100 MB. */
export function lyingDocxBomb(): Buffer {
  const doc = repeatedDocument(20_000);
  return zip([part('[Content_Types].xml', CONTENT_TYPES), part('_rels/.rels', RELS), { name: 'word/document.xml', data: doc.data, declared: 2048 }]);
}

/** A .docx of 5,000 parts. */
export function manyPartsDocx(): Buffer {
  const doc = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p></w:body></w:document>`;
  return zip([part('[Content_Types].xml', CONTENT_TYPES), part('_rels/.rels', RELS), part('word/document.xml', doc), ...Array.from({ length: 5000 }, (_, i) => part(`word/media/p${i}.xml`, 'x'))]);
}

/** A zip that is not a Word document: an Excel workbook's parts. */
export function workbookZip(): Buffer {
  return zip([part('[Content_Types].xml', CONTENT_TYPES), part('xl/workbook.xml', '<?xml version="1.0"?><workbook/>')]);
}

/** A zip's signature followed by nothing a zip has. */
export function brokenZip(): Buffer {
  return Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2000, 11)]);
}

/** The header of a Word 97–2003 (or encrypted Office) file: a compound file. */
export function compoundFile(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
}

/** A PDF written by hand from its objects (bodies without "n 0 obj"), with a correct xref table. */
export function pdf(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF of `pages` blank pages. */
export function blankPagesPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  return pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>')]);
}

/** A one-page PDF with a line of text in Helvetica (a text layer). */
export function textPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ]);
}

/**
 * A PDF locked with a password (Standard security handler): the empty password does not open it,
 * so no reader gets at its pages. The keys are made up: without the password nothing can tell.
 */
export function passwordPdf(): Buffer {
  const hex = (n: number) => Buffer.from(randomBytes(32, n)).toString('hex');
  return pdf(
    ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>', `<< /Filter /Standard /V 1 /R 2 /O <${hex(3)}> /U <${hex(5)}> /P -4 >>`],
    `/Encrypt 4 0 R /ID [<${hex(9).slice(0, 32)}> <${hex(9).slice(0, 32)}>] `,
  );
}

/**
 * A one-page PDF whose content stream is millions of text-showing operators, compressed to a
 * few hundred kilobytes: pdftotext works through it for far longer than a plan takes.
 */
export function slowPdf(operators = 3_000_000): Buffer {
  const op = 'BT /F1 1 Tf 1 0 0 1 72 720 Tm (x) Tj ET\n';
  const flush = (text: string) => zlib.deflateSync(Buffer.from(text), { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 });
  // One zlib stream: the header once, then copies of a raw block, then the end.
  const block = op.repeat(4096);
  const raw = zlib.deflateRawSync(Buffer.from(block), { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 });
  const copies = Math.ceil(operators / 4096);
  const header = flush('').subarray(0, 2);
  const end = zlib.deflateRawSync(Buffer.alloc(0));
  const data = Buffer.concat([header, ...Array.from({ length: copies }, () => raw), end]);
  const head = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  // The stream is binary: write the file around it by hand.
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  const chunks: Buffer[] = [];
  head.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  offsets.push(Buffer.byteLength(out, 'latin1'));
  out += `5 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`;
  chunks.push(Buffer.from(out, 'latin1'), data);
  let rest = '\nendstream\nendobj\n';
  const xref = Buffer.byteLength(out, 'latin1') + data.length + Buffer.byteLength(rest, 'latin1');
  rest += `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  chunks.push(Buffer.from(rest, 'latin1'));
  return Buffer.concat(chunks);
}

/** The start of a PNG whose header claims 100,000 × 100,000 pixels. */
export function hugePngHeader(): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(100_000, 8);
  ihdr.writeUInt32BE(100_000, 12);
  ihdr[16] = 8;
  ihdr[17] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, randomBytes(1000, 13)]);
}
