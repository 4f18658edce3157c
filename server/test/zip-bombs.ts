/**
 * Hostile XLSX files for the import limits tests and the memory measurement: built in memory in a
 * few milliseconds by repeating one deflate block (flushed to a byte boundary, so copies can be
 * concatenated), the way a real zip bomb is made. Nothing here is read by the server.
 */
import { type ZipEntry as Entry, deflated as plain, repeated, zip } from './raw-zip.ts';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbook(sharedStrings: Entry, sheet: string): Buffer {
  return zip([
    plain('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    plain('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    plain('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Dân cư" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    sharedStrings,
    plain('xl/worksheets/sheet1.xml', sheet),
  ]);
}

const HEADER_SHEET = `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>1980</v></c></row></sheetData></worksheet>`;
const SST_HEAD = `<?xml version="1.0"?><sst xmlns="${NS}"><si><t>Họ và tên</t></si><si><t>Giới tính</t></si><si><t>Năm sinh</t></si><si><t>Lò Văn Pao</t></si><si><t>Nam</t></si>`;

/**
 * A shared-strings bomb: `gigabytes` GB of 4 kB shared strings (about 250,000 per GB) in a
 * file of about a megabyte per GB, headers honest.
 */
export function sharedStringsBomb(gigabytes = 3): Buffer {
  // Strings of 4 kB: few enough events for a parser to get far quickly, each kept whole.
  const block = `<si><t>${'Tệp bom '.repeat(500)}</t></si>`.repeat(250); // ~1 MB
  const copies = Math.round((gigabytes * 1024 ** 3) / Buffer.byteLength(block));
  const sst = repeated(SST_HEAD, block, copies, '</sst>');
  return workbook({ name: 'xl/sharedStrings.xml', data: sst.data, declared: sst.size }, HEADER_SHEET);
}

/** The same bomb with headers that lie: they declare a few kilobytes where gigabytes come out. */
export function lyingBomb(gigabytes = 3): Buffer {
  const block = `<si><t>${'A'.repeat(1_000_000)}</t></si>`;
  const copies = Math.round((gigabytes * 1024 ** 3) / Buffer.byteLength(block));
  const sst = repeated(SST_HEAD, block, copies, '</sst>');
  return workbook({ name: 'xl/sharedStrings.xml', data: sst.data, declared: 4096 }, HEADER_SHEET);
}

/** A sheet of a few hundred bytes declaring columns 1 to 2,000,000,000 (a reader making an object for each would never end). */
export function columnsBomb(): Buffer {
  return workbook(plain('xl/sharedStrings.xml', `${SST_HEAD}</sst>`), HEADER_SHEET.replace('<sheetData>', '<cols><col min="1" max="2000000000" width="9"/></cols><sheetData>'));
}

/** A small honest workbook (header + one person), to check the guard lets real files through. */
export function honestWorkbook(): Buffer {
  return workbook(plain('xl/sharedStrings.xml', `${SST_HEAD}</sst>`), HEADER_SHEET);
}
