/**
 * Reading an XLSX register: rows per second and peak RSS of the importer's reader
 * (imports.workbook.ts) against exceljs' streaming WorkbookReader (what it replaced) on the same
 * file: ROWS rows (default 100,000) written by the register export's writer, every Vietnamese
 * letter in names, addresses and villages (server/test/vietnamese-register.ts). Each reader runs
 * in a child process of its own, so its RSS is its own; the cells that do not read back exactly
 * are counted. No database, no server:
 *   node --import tsx bench/xlsx-read.ts [rows]
 * XLSX_SHARED_STRINGS=1 writes every text once in the shared strings, as Excel and LibreOffice do
 * (the export writes them inline): the reader then holds them all while the sheet streams.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { headerOf } from '../server/src/modules/imports/imports.columns.ts';
import { xlsxRows } from '../server/src/modules/imports/imports.workbook.ts';
import { xlsxStream } from '../server/src/modules/imports/imports.xlsx.ts';
import { REGISTER_COLUMNS } from '../server/src/modules/imports/register-export.ts';
import { registerRow } from '../server/test/vietnamese-register.ts';

type Reader = 'workbook' | 'exceljs';
interface Figures {
  reader: Reader;
  rows: number;
  wrongCells: number;
  seconds: number;
  rowsPerSecond: number;
  /** RSS once the modules are loaded, before the file is opened: what the reading adds is peakRssMb − baseRssMb. */
  baseRssMb: number;
  peakRssMb: number;
}

const headers = REGISTER_COLUMNS.map(headerOf);

/** The rows of the file as plain cells, by either reader. */
async function* rowsOf(reader: Reader, file: string): AsyncGenerator<unknown[]> {
  if (reader === 'workbook') {
    for await (const row of xlsxRows(file)) yield row.cells;
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const sheet of workbook) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) yield (row.values as unknown[]).slice(1);
    return;
  }
}

async function measure(reader: Reader, file: string): Promise<Figures> {
  const baseRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const started = performance.now();
  let rows = 0;
  let wrongCells = 0;
  for await (const cells of rowsOf(reader, file)) {
    const expected = rows === 0 ? headers : registerRow(rows - 1);
    for (let k = 0; k < expected.length; k++) if (cells[k] !== expected[k]) wrongCells++;
    rows++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { reader, rows, wrongCells, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rows / seconds), baseRssMb, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

const [mode, arg, file] = process.argv.slice(2);
if (mode === '--child') {
  process.send?.(await measure(arg as Reader, file as string));
} else {
  const count = Number((mode ?? '100000').replace(/[_,]/g, ''));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-xlsx-read-'));
  try {
    const target = path.join(dir, 'dan-cu.xlsx');
    const written = performance.now();
    async function* rows() {
      for (let i = 0; i < count; i++) yield registerRow(i);
    }
    if (process.env.XLSX_SHARED_STRINGS === '1') {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useStyles: false, useSharedStrings: true });
      const sheet = workbook.addWorksheet('Dân cư');
      sheet.addRow(headers).commit();
      for await (const row of rows()) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
    } else {
      await pipeline(
        xlsxStream('Dân cư', headers, rows(), () => {}), // an error while writing destroys the stream: the pipeline rejects with it
        fs.createWriteStream(target),
      );
    }
    console.log(`written: ${count.toLocaleString('en')} rows, ${(fs.statSync(target).size / 1024 / 1024).toFixed(1)} MB, in ${((performance.now() - written) / 1000).toFixed(1)} s`);
    // XLSX_READERS=workbook skips exceljs (slow, and known wrong) on large files.
    const readers = (process.env.XLSX_READERS ?? 'workbook,exceljs').split(',') as Reader[];
    for (const reader of readers) {
      // XLSX_HEAP_MB caps the reader's V8 heap: what it really holds, not what garbage V8 lets pile up.
      const heap = process.env.XLSX_HEAP_MB ? [`--max-old-space-size=${process.env.XLSX_HEAP_MB}`] : [];
      const child = fork(fileURLToPath(import.meta.url), ['--child', reader, target], { execArgv: ['--import', 'tsx', ...heap] });
      const figures = await new Promise<Figures>((resolve, reject) => {
        child.once('message', (m) => resolve(m as Figures));
        child.once('error', reject);
        child.once('exit', (code) => code && reject(new Error(`${reader}: exit ${code}`)));
      });
      console.log(JSON.stringify(figures));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
