/**
 * How much an uploaded file may expand to, and how many files are read at once. A 3 MB XLSX can
 * hold gigabytes of shared strings and a 100-byte sheet can ask for two billion columns; without
 * these bounds two such uploads exhausted the heap and the process died (issue 9, hole 1). Every
 * limit sits far above what a station's register needs and far below what hurts the server.
 */
import { IMPORT_MAX_FILE_MB, IMPORT_MAX_ROWS, type Said, say } from '@ytcs/common';

/** Rows read from one file, blank and title rows included (the page says it: common/imports). */
export const MAX_ROWS = IMPORT_MAX_ROWS;
/** Rows looked at for the header (titles above it, blank rows): beyond them the file has no header. */
export const HEADER_SEARCH_ROWS = 20;
/** Bytes of one upload: read as a stream, so its bound costs time, not memory. */
export const MAX_FILE_BYTES = IMPORT_MAX_FILE_MB * 1024 * 1024;
/** Columns of a row that are kept: the register has about 20; Excel's own limit (XFD) is 16,384. */
export const MAX_COLUMNS = 256;
/** Characters in one cell: an address or a note is a few hundred. */
export const MAX_CELL_CHARS = 4_000;
/** Characters in one row, all cells together: a register row is about 300. */
export const MAX_ROW_CHARS = 16_000;
/** Bytes of one CSV record (a line, or lines inside quotes): MAX_ROW_CHARS in UTF-8 and some. */
export const MAX_CSV_RECORD_BYTES = 64 * 1024;

/** Entries in an XLSX zip: Excel writes about ten. */
export const MAX_ZIP_ENTRIES = 1_000;
/**
 * All the XML of an XLSX, inflated. Excel writes ~600 bytes of sheet XML a row of a register
 * (18 cells of shared strings), so MAX_ROWS rows are ~600 MB of sheet and ~200 MB of shared
 * strings. The sheet is read as a stream: its bound costs time, not memory.
 */
export const MAX_XLSX_EXPANDED_BYTES = Math.floor(1.3 * 2 ** 30);
/** The worksheet read (most of the file). */
export const MAX_SHEET_BYTES = 1024 * 1024 * 1024;
/** Shared strings' XML: a name, ID, card number, phone and address per row, unique, is ~40 MB for 200,000 rows, ~200 MB for MAX_ROWS. */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;
/**
 * Shared strings and rich-text runs, ~5 per row: each string is kept until the end of the file,
 * as UTF-8 (imports.shared-strings.ts), ~30 bytes each: ~150 MB for the largest file.
 */
export const MAX_SHARED_STRINGS = 5_000_000;
/** Workbook, relationships and styles: tens of kilobytes in a real file. */
export const MAX_PART_BYTES = 8 * 1024 * 1024;
/** XML of one row (`<row>` to `</row>`): about 1 kB in a register. */
export const MAX_ROW_XML_BYTES = 1024 * 1024;
/** Text between two XML tags (a cell value, a shared string): bounds any single string. */
export const MAX_TEXT_XML_BYTES = 64 * 1024;
/** Excel's last column, XFD: a column reference beyond it is not a spreadsheet. */
export const EXCEL_MAX_COLUMN = 16_384;
/** Elements open at once in one part: a cell's text is 7 deep (worksheet, sheetData, row, c, is, r, t); the parser keeps each. */
export const MAX_XML_DEPTH = 64;

/** Files parsed at once in this process; each may hold up to ~150 MB of shared strings (a million-row workbook). */
export const MAX_PARALLEL_PARSES = 2;
/** Uploads waiting for a parse slot; beyond them a 429 with Retry-After. */
export const MAX_WAITING_PARSES = 4;
/** How long an upload waits for a slot before it gets the 429. */
export const PARSE_WAIT_MS = 60_000;

/** A file beyond one of the limits above: answered 413 with this message. */
export class FileTooLarge extends Error {
  constructor(readonly said: Said) {
    super(said.messageEn);
  }
}

export const expandsTooMuch = () => new FileTooLarge(say('imports.expandsTooMuch'));

export const tooManyRows = () => new FileTooLarge(say('imports.tooManyRows', { max: MAX_ROWS }));

export const rowTooLong = (row: number) => new FileTooLarge(say('imports.rowTooLong', { row, columns: MAX_COLUMNS, cellChars: MAX_CELL_CHARS, rowChars: MAX_ROW_CHARS }));

/**
 * At most `parallel` parses at once; up to `waiting` more wait their turn (at most `waitMs`);
 * beyond that the caller is told to come back later. Memory then stays bounded whatever is sent.
 */
export function parseSlots(parallel = MAX_PARALLEL_PARSES, waiting = MAX_WAITING_PARSES, waitMs = PARSE_WAIT_MS) {
  let busy = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else busy -= 1;
  };
  return {
    /** Resolves with a release function once a slot is free; null when the queue is full or the wait too long. */
    async acquire(): Promise<(() => void) | null> {
      if (busy < parallel) {
        busy += 1;
        return once(release);
      }
      if (queue.length >= waiting) return null;
      return new Promise((resolve) => {
        const turn = () => {
          clearTimeout(timer);
          resolve(once(release));
        };
        const timer = setTimeout(() => {
          queue.splice(queue.indexOf(turn), 1);
          resolve(null);
        }, waitMs);
        queue.push(turn);
      });
    },
  };
}

function once(fn: () => void) {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}
