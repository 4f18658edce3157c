/**
 * Bulk import of residents and households from a station's spreadsheet, in two steps. Preview
 * reads the file as a stream, checks each row with the registry's rules and stages it in batches
 * (import_job, import_row), so nothing is held whole in memory and the preview survives a
 * restart. Commit inserts every valid row in one transaction, set-based; people registered
 * already are skipped, so importing the same file twice adds nobody. The errors file gives back
 * the rows to fix with the reason beside each.
 */
import { foldVietnamese, todayIso, type Said, say } from '@ytcs/common';
import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { ID_LOOKUP_LIMIT, placeIn, readPersonal, spendElsewhere } from '../registry/index.ts';
import { type Column, ERRORS_HEADER, ROW_HEADER, headerScore, mapColumns, missingColumns } from './imports.columns.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileTooLarge, HEADER_SEARCH_ROWS, MAX_ROWS, parseSlots, rowTooLong, tooManyRows } from './imports.limits.ts';
import { ENCODING_LABEL, type TextEncoding } from '../../text/encoding.ts';
import { type FileFormat, type SheetRow, UnsupportedEncoding, csvRows, sniff } from './imports.parsers.ts';
import { openXlsx } from './imports.workbook.ts';
import * as repo from './imports.repository.ts';
import { type RowContext, type RowFinding, type StagedRow, readRow } from './imports.rows.ts';
import { cellText, ethnicityReader, villageReader } from './imports.values.ts';
import { XLSX_TYPE, xlsxStream } from './imports.xlsx.ts';
import { type Names, holdBackHouseholds, holdBackMeanwhile } from './imports.households.ts';

export interface ImportOptions {
  /** Rows checked and staged per round trip. */
  stageBatch?: number;
  /** Rows per commit batch; without it the batch is sized to take about BATCH_TARGET_MS. */
  commitBatchRows?: number;
  /** Jobs (with their copies of personal data) are deleted after this many days. */
  keepDays?: number;
  /** Files parsed at once, and how many may wait (see imports.limits.ts). */
  parallelParses?: number;
  waitingParses?: number;
}

export interface PreviewInput {
  unitId: number;
  fileName: string | null;
  file: AsyncIterable<Buffer>;
  truncated?: () => boolean;
  mapping?: Record<string, string | null>;
  /** Chosen by the page that sends the file, to follow the preview before its answer (`progressOfUpload`). */
  uploadToken?: string;
}

const LIST_LIMIT = 200;
/** Rows of the first commit batch; the next are sized so that each takes about BATCH_TARGET_MS. */
const FIRST_BATCH_ROWS = 500;
/** On PGlite a statement holds the only connection (and the event loop): a batch stays well under the 1 s any other request may wait. */
const BATCH_TARGET_MS = 200;

/** The next batch's rows from the last one's: towards the target time, at most doubling or halving. */
export function nextBatchRows(rows: number, ms: number): number {
  const factor = Math.min(2, Math.max(0.5, BATCH_TARGET_MS / Math.max(ms, 1)));
  return Math.min(20_000, Math.max(50, Math.round(rows * factor)));
}

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/** The job's batch was written by another process meanwhile. */
class CommittedElsewhere extends Error {}

const fileError = (said: Said) => invalid([{ field: 'file', ...said }]);
const tooLarge = () => new AppError(413, 'too_large', say('imports.tooLarge'));
const beyondLimit = (err: FileTooLarge) => new AppError(413, 'too_large', err.said);
const busy = () => new AppError(429, 'imports_busy', say('imports.busy'), undefined, { retryAfterSeconds: 60 });
const isBlank = (row: SheetRow) => row.cells.every((c) => cellText(c) === '');
/** A stored finding as sent: one stored before the message catalogue has no key, and says so by leaving it out. */
const sent = ({ key, params, ...finding }: repo.Finding) => ({ ...finding, ...(key ? { key } : {}), ...(params ? { params } : {}) });

export function importService(db: Kysely<DB>, options: ImportOptions = {}) {
  // Each staged batch holds PGlite's one connection for its statements: 500 rows keep that well under a second.
  const stageBatch = options.stageBatch ?? 500;
  const keepDays = options.keepDays ?? 30;
  /** Jobs being committed by this process. */
  const running = new Set<number>();
  const batchRows = options.commitBatchRows;
  const slots = parseSlots(options.parallelParses, options.waitingParses);

  /** Village and ethnic-group names, to give held-back rows their cells as the importer reads them. */
  async function namesIn(ctx: RequestContext, communeId: number): Promise<Names> {
    const [villages, groups] = await Promise.all([repo.villagesOf(db, ctx.scope, communeId), repo.ethnicGroups(db)]);
    return { village: (villageId) => villages.find((v) => v.id === villageId)?.name ?? null, ethnicity: ethnicityReader(groups).name };
  }

  async function view(ctx: RequestContext, id: number) {
    const job = await repo.findJob(db, ctx.scope, id);
    if (!job) throw notFound();
    const [errors, rowWarnings] = await Promise.all([repo.findings(db, id, 'errors', LIST_LIMIT), repo.findings(db, id, 'warnings', LIST_LIMIT)]);
    const { createdAt, committedAt, committedGroup: _group, doneRows: _done, ...rest } = job;
    return {
      ...rest,
      done: job.doneRows,
      errors: errors.map(sent),
      warnings: [...job.warnings, ...rowWarnings].slice(0, LIST_LIMIT).map(sent),
      createdAt: createdAt.toISOString(),
      committedAt: committedAt ? committedAt.toISOString() : null,
    };
  }

  /**
   * Registered IDs and look-alikes, checked for a whole batch in two queries. A personal ID held
   * outside the caller's scope makes the row an error that says only "registered elsewhere": no
   * id, unit or name, and not "existing" (that was an oracle). Every holder found is noted in
   * `found` for the preview's audit event.
   */
  async function checkRegistered(ctx: RequestContext, rows: StagedRow[], communeId: number, idColumn: Column | undefined, found: Map<number, number>): Promise<number> {
    const withId = rows.filter((r) => r.resident?.citizen_id);
    const holders = new Map((await repo.registeredIds(db, ctx.scope, withId.map((r) => r.resident?.citizen_id as string))).map((h) => [h.citizenId, h]));
    // "Registered elsewhere" draws on the user's hourly budget, as in the form: a file of
    // thousands of numbers is no way round it.
    const outside = [...new Map([...holders.values()].filter((h) => !h.inScope).map((h) => [h.id, h])).values()];
    const budget = await spendElsewhere(db, ctx, outside);
    let existing = 0;
    const idError = (r: StagedRow, said: Said) => r.errors.push({ row: r.rowNo, column: idColumn?.header ?? null, letter: idColumn?.letter ?? null, field: 'citizenId', ...said });
    const limited = (r: StagedRow) => idError(r, say('imports.lookupsExhausted', { limit: ID_LOOKUP_LIMIT }));
    for (const r of withId) {
      const res = r.resident;
      const holder = res?.citizen_id ? holders.get(res.citizen_id) : undefined;
      if (!res) continue;
      if (!holder) {
        if (budget.exhausted) {
          r.resident = null;
          limited(r);
        }
        continue;
      }
      found.set(holder.id, holder.communeId);
      r.resident = null;
      if (!holder.inScope && !budget.granted.has(holder.id)) {
        limited(r);
      } else if (!holder.inScope) {
        idError(r, say('imports.idRegisteredElsewhere'));
      } else if (holder.nameFolded === foldVietnamese(res.full_name) && holder.birthYear === res.birth_year) {
        r.resident = res;
        existing += 1;
      } else {
        idError(r, say('imports.idRegisteredForOther'));
      }
    }
    const withoutId = rows.filter((r) => r.resident && !r.resident.citizen_id);
    const lookalikes = await repo.registeredLookalikes(
      db,
      ctx.scope,
      communeId,
      withoutId.map((r) => ({ rowNo: r.rowNo, fullName: r.resident?.full_name as string, birthYear: r.resident?.birth_year as number, birthDate: r.resident?.birth_date ?? null, villageId: r.resident?.village_id ?? null })),
    );
    return existing + lookalikes.size;
  }

  /** Reads the rows of a sniffed file, checks and stages them. */
  async function previewRows(
    ctx: RequestContext,
    place: { communeId: number; villageId: number | null },
    input: PreviewInput,
    format: FileFormat,
    fileRows: () => AsyncIterable<SheetRow>,
    encoding: () => TextEncoding | null = () => null,
  ) {
    if (format === 'xls') throw fileError(say('imports.xlsNotSupported'));
    const [villages, groups] = await Promise.all([repo.villagesOf(db, ctx.scope, place.communeId), repo.ethnicGroups(db)]);
    const targetVillage = place.villageId ? (villages.find((v) => v.id === place.villageId) ?? null) : null;
    const ethnicity = ethnicityReader(groups);
    const id = await repo.insertJob(db, { unitId: input.unitId, communeId: place.communeId, format, fileName: input.fileName, createdBy: ctx.actor.userId, uploadToken: input.uploadToken ?? null });

    let columns: Column[] | null = null;
    let rowContext: RowContext | null = null;
    const mappingWarnings: RowFinding[] = [];
    const households = new Map<string, number>();
    const counts = { rows: 0, valid: 0, invalid: 0, existing: 0 };
    let batch: StagedRow[] = [];
    let leading = 0;
    let read = 0;
    /** Registered people the personal IDs of this file matched → their commune (for the audit). */
    const found = new Map<number, number>();
    const stage = async (rows: StagedRow[]) => {
      counts.existing += await checkRegistered(ctx, rows, place.communeId, columns?.find((c) => c.field === 'citizenId'), found);
      for (const r of rows) r.resident ? counts.valid++ : counts.invalid++;
      // A household's rows share a commit group (its first row), so a commit batch never splits it.
      await repo.stageRows(db, id, rows, (r) => (r.householdKey ? (households.get(r.householdKey) ?? r.rowNo) : r.rowNo));
      // Rows read and checked so far, for the page following the upload.
      await repo.updateJob(db, id, { total_rows: counts.rows, valid_rows: counts.valid, invalid_rows: counts.invalid });
    };
    // One batch is staged while the next is read: the database and the parser overlap.
    let staging: Promise<void> = Promise.resolve();
    const flush = async () => {
      const rows = batch;
      batch = [];
      await staging;
      staging = stage(rows);
      staging.catch(() => {}); // awaited (and thrown) at the next flush
      // Reading a buffered file and PGlite's queries are promise chains that never yield to the
      // event loop on their own: let waiting requests in between batches.
      await yieldToEventLoop();
    };
    try {
      for await (const row of readable(fileRows())) {
        // MAX_ROWS rows of people, and the title and header rows above them.
        if (++read > MAX_ROWS + HEADER_SEARCH_ROWS) throw tooManyRows();
        if (isBlank(row)) continue;
        if (!columns) {
          const headers = row.cells.map(cellText);
          if (headerScore(headers, input.mapping) >= 1) {
            const mapped = mapColumns(headers, input.mapping);
            const missing = missingColumns(mapped.columns);
            if (missing.length) throw invalid(missing.map(({ column: _column, ...finding }) => finding));
            columns = mapped.columns;
            mappingWarnings.push(...mapped.warnings.map((w) => ({ ...w, row: row.number })));
            rowContext = { columns, targetVillage, village: villageReader(villages), ethnicity: ethnicity.read, seenIds: new Map(), heads: new Map() };
          } else if (++leading >= HEADER_SEARCH_ROWS) break;
          continue;
        }
        const staged = readRow(row.number, row.cells.slice(0, columns.length), rowContext as RowContext);
        if (staged.householdKey && !households.has(staged.householdKey)) households.set(staged.householdKey, row.number);
        batch.push(staged);
        counts.rows += 1;
        if (batch.length >= stageBatch) await flush();
      }
      if (!columns || !rowContext) throw fileError(say(read === 0 ? 'imports.empty' : 'imports.noHeaderRow'));
      await flush();
      await staging;
      if (input.truncated?.()) throw tooLarge();
      if (counts.rows === 0) throw fileError(say('imports.noDataRows'));
      const held = await holdBackHouseholds(db, id, columns, { village: (villageId) => villages.find((v) => v.id === villageId)?.name ?? null, ethnicity: ethnicity.name });
      counts.valid -= held;
      counts.invalid += held;
    } catch (err) {
      await staging.catch(() => {});
      await repo.deleteJob(db, id);
      throw input.truncated?.() ? tooLarge() : readFailure(err, format);
    }

    const relationshipColumn = columns.find((c) => c.field === 'relationship');
    const headless = [...households].filter(([key]) => !rowContext?.heads.has(key));
    const householdWarnings: RowFinding[] = headless.slice(0, LIST_LIMIT).map(([key, row]) => ({
      row,
      column: relationshipColumn?.header ?? null,
      letter: relationshipColumn?.letter ?? null,
      field: 'relationship',
      ...(key.startsWith('code:') ? say('imports.householdNoHead', { code: key.slice(5) }) : say('imports.householdAtAddressNoHead')),
    }));
    await repo.updateJob(db, id, {
      status: 'previewed',
      columns: JSON.stringify(columns.map((c) => ({ header: c.header, field: c.field, letter: c.letter }))),
      total_rows: counts.rows,
      valid_rows: counts.valid,
      invalid_rows: counts.invalid,
      existing_rows: counts.existing,
      warnings: JSON.stringify([...encodingWarnings(encoding()), ...mappingWarnings, ...householdWarnings]),
    });
    await recordAudit(db, ctx.actor, { action: 'import.preview', entityType: 'import', entityId: id, orgUnitId: place.communeId, details: { format, ...counts } });
    if (found.size) await recordAudit(db, ctx.actor, lookupEvent(id, place.communeId, found));
    return view(ctx, id);
  }

  return {
    view,

    /** The preview under way (or done) of the caller's upload with this token. */
    async progressOfUpload(ctx: RequestContext, token: string) {
      const id = ctx.actor.userId === null ? null : await repo.jobOfUpload(db, ctx.actor.userId, token);
      if (id === null) throw notFound();
      return view(ctx, id);
    },

    async preview(ctx: RequestContext, input: PreviewInput) {
      const place = await placeIn(db, ctx.scope, input.unitId);
      if (!place) throw notFound();
      await repo.deleteOldJobs(db, keepDays);
      // Memory stays bounded whatever is sent: a few files are read at once, the rest wait or come back later.
      const release = await slots.acquire();
      if (!release) throw busy();
      let spool: string | null = null;
      try {
        const { format, stream, empty } = await sniff(input.file);
        if (empty) throw fileError(say('imports.empty'));
        const extension = /\.(xlsx|xlsm|xls|ods)$/i.exec(input.fileName ?? '')?.[0];
        // A name that promises a workbook over bytes that are none: say so, rather than read them as CSV.
        if (extension && format === 'csv') throw fileError(say('imports.notSpreadsheet', { extension }));
        if (format !== 'xlsx') {
          let encoding: TextEncoding | null = null;
          return await previewRows(ctx, place, input, format, () => csvRows(stream, (found) => { encoding = found; }), () => encoding);
        }
        // The zip's central directory is at its end: the upload is kept in a private temporary file while read.
        spool = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ytcs-import-'));
        const file = path.join(spool, 'upload.xlsx');
        await pipeline(stream, fs.createWriteStream(file, { mode: 0o600 }));
        if (input.truncated?.()) throw tooLarge();
        // Directory, workbook, styles and shared strings are read before the job is made.
        let workbook: Awaited<ReturnType<typeof openXlsx>>;
        try {
          workbook = await openXlsx(file);
        } catch (err) {
          throw err instanceof FileTooLarge ? beyondLimit(err) : readFailure(new UnreadableFile(err), format);
        }
        return await previewRows(ctx, place, input, format, workbook.rows);
      } finally {
        // The reader has closed the copy by now (read to the end, or stopped by readable()): drop it.
        if (spool) await fs.promises.rm(spool, { recursive: true, force: true });
        release();
      }
    },

    /**
     * Registers the valid rows in short batches, each its own transaction (households whole), so
     * other requests get the database between them — on PGlite, with one connection, a single
     * transaction held everyone for minutes. The job keeps how far it got: progress is read from
     * it, and a commit that stopped (a failure, a restart) resumes there when asked again.
     */
    async commit(ctx: RequestContext, id: number) {
      const job = await repo.findJob(db, ctx.scope, id);
      if (!job) throw notFound();
      if (running.has(id)) throw conflict(say('imports.beingImported'));
      if (job.status === 'committed') throw conflict(say('imports.alreadyImported'));
      if (job.status === 'parsing') throw conflict(say('imports.notReadYet'));
      running.add(id);
      try {
        if (!(await repo.claimForCommit(db, id))) throw conflict(say('imports.alreadyImported'));
        // Staged rows are unlogged: a database crash empties them. Then the file is sent again (whoever was written is recognised).
        if ((await repo.rowsLeft(db, id, job.committedGroup)) !== job.valid - job.doneRows) throw conflict(say('imports.rowsGone'));
        const names = await namesIn(ctx, job.communeId);
        /** The job, locked, as this commit left it: otherwise another process took it over. */
        const stillOurs = async (trx: Transaction<DB>, after: number) => {
          const locked = await repo.findJob(trx, ctx.scope, id, true);
          if (locked?.status !== 'committing' || locked.committedGroup !== after) throw new CommittedElsewhere();
          return locked;
        };
        let after = job.committedGroup;
        let limit = batchRows ?? FIRST_BATCH_ROWS;
        for (;;) {
          const end = await repo.batchEnd(db, id, after, limit);
          if (end === null) break;
          const started = performance.now();
          await db.transaction().execute(async (trx) => {
            await stillOurs(trx, after);
            const held = await repo.stageBatch(trx, ctx.scope, id, job.communeId, after, end);
            await holdBackMeanwhile(trx, id, job.columns, names, held);
            const counts = await repo.writeBatch(trx, id, job.communeId, after, end, todayIso(), ctx.actor.userId);
            await repo.advanceJob(trx, id, end, { ...counts, held: held.length });
            await recordAudit(trx, ctx.actor, { action: 'import.batch', entityType: 'import', entityId: id, orgUnitId: job.communeId, details: { ...counts, held: held.length } });
          });
          after = end;
          if (batchRows === undefined) limit = nextBatchRows(limit, performance.now() - started);
          // Requests waiting for the connection take it before the next batch asks.
          await yieldToEventLoop();
        }
        return await db.transaction().execute(async (trx) => {
          const done = await stillOurs(trx, after);
          await repo.markCommitted(trx, id);
          const counts = { inserted: done.inserted ?? 0, households: done.households ?? 0, skipped: done.skipped ?? 0, invalid: done.invalid };
          await recordAudit(trx, ctx.actor, { action: 'import.commit', entityType: 'import', entityId: id, orgUnitId: job.communeId, details: counts });
          return counts;
        });
      } catch (err) {
        // Another process is committing this job: leave it to it.
        if (err instanceof CommittedElsewhere) throw conflict(say('imports.beingImported'));
        // The batch that failed left nothing; those before it stay, and committing again resumes after them.
        const current = await repo.findJob(db, ctx.scope, id);
        if (current?.status === 'committing') await repo.updateJob(db, id, { status: 'failed' });
        if ((err as { code?: string }).code === '23505') throw conflict(say('imports.registeredWhileWriting'));
        throw err;
      } finally {
        running.delete(id);
      }
    },

    async errorsFile(ctx: RequestContext, id: number, log: (err: unknown) => void) {
      // The rows given back are people as the file wrote them: read through the registry's gateway.
      const job = await readPersonal(db, ctx, (trx) => repo.findJob(trx, ctx.scope, id), (found) => [
        { action: 'import.errors_file', entityType: 'import', entityId: id, orgUnitId: found.communeId, details: { rows: found.invalid } },
      ]);
      const width = job.columns.length;
      async function* rows() {
        let after = 0;
        for (;;) {
          const page = await repo.invalidRows(db, id, after, 1000);
          for (const r of page) {
            const cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
            const reasons = r.errors.map((e) => `${e.column ? `${e.column}: ` : ''}${e.message} (${e.messageEn})`).join('; ');
            yield [...cells, String(r.rowNo), reasons];
          }
          if (page.length < 1000) return;
          after = page[page.length - 1]?.rowNo ?? after;
        }
      }
      const stream = xlsxStream('Lỗi', [...job.columns.map((c) => c.header), ROW_HEADER, ERRORS_HEADER], rows(), log);
      return { type: XLSX_TYPE, fileName: `loi-nhap-${id}.xlsx`, stream };
    },
  };
}

/**
 * The audit event of the personal-ID look-ups of one preview: which registered people were
 * matched and their communes (so each commune's auditor sees it), never the numbers looked up.
 * `orgUnitIds` is read by audit events that carry several units; older ones keep the job's commune.
 */
function lookupEvent(jobId: number, communeId: number, found: Map<number, number>) {
  const residentIds = [...found.keys()].sort((a, b) => a - b);
  const communeIds = [...new Set(found.values())].sort((a, b) => a - b);
  const event = { action: 'import.lookup', entityType: 'import', entityId: jobId, orgUnitId: communeId, orgUnitIds: communeIds, details: { residentIds, communeIds } };
  return event;
}

/** An error raised while reading the file (not while staging it). */
class UnreadableFile extends Error {
  constructor(readonly reason: unknown) {
    super('unreadable file');
  }
}

async function* readable(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow> {
  const iterator = rows[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      let next: IteratorResult<SheetRow>;
      try {
        next = await iterator.next();
      } catch (err) {
        finished = true;
        throw new UnreadableFile(err);
      }
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Stopped early (no header, an error while staging): close the parser and the upload stream.
    if (!finished) await iterator.return?.(undefined);
  }
}

/** A file converted from a legacy encoding says so: the reviewer checks the names before the commit. */
function encodingWarnings(encoding: TextEncoding | null): RowFinding[] {
  if (encoding !== 'windows1258' && encoding !== 'tcvn3') return [];
  return [{ row: 1, column: null, letter: null, field: 'file', ...say('imports.encodingConverted', { encoding: ENCODING_LABEL[encoding] }) }];
}

/** What to answer for an error while reading: a limit crossed (413), an unreadable file (400), or the error itself. */
function readFailure(err: unknown, format: string): unknown {
  const cause = err instanceof UnreadableFile ? err.reason : err;
  if (cause instanceof UnsupportedEncoding) return fileError(say(cause.kind === 'vni' ? 'imports.encodingVni' : 'imports.encodingUnknown'));
  if (cause instanceof FileTooLarge) return beyondLimit(cause);
  if (!(err instanceof UnreadableFile)) return err;
  const e = err.reason as { code?: string; lines?: number };
  if (e?.code === 'CSV_MAX_RECORD_SIZE') return beyondLimit(rowTooLong(e.lines ?? 0));
  if (e?.code?.startsWith('CSV_')) return fileError(say('imports.csvMalformed', { line: e.lines ?? '?' }));
  if (format === 'xlsx') return fileError(say('imports.xlsxUnreadable'));
  return fileError(say('imports.unreadable'));
}
