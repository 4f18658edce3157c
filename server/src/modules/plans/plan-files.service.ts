/**
 * Plan files as readings a page can follow. A Word document, a text file or a PDF with its own
 * text is read while the request waits (well under a second; bounded by the limits' timeouts) and
 * answered 200 with the draft. A scan needs OCR — seconds a page on one core — so its request is
 * answered 202 as soon as the OCR is about to start or wait, with the reading's id; the page polls
 * GET /api/plans/draft/file/:id for pages done of pages to read, then gets the same draft. The
 * residents importer follows its commits the same way (jobs and polling): plain request/response,
 * nothing held open through proxies, and a page that reloads finds its reading again.
 *
 * One OCR at a time per server: Tesseract is given one thread, so the other core is left to every
 * other request. Up to `ocrWaiting` scans wait their turn (told how many are ahead); beyond that
 * the answer is 429 with the seconds to wait, estimated from the pages ahead and the seconds a page
 * has taken so far. Readings live in this process's memory for `keepMinutes` after they end (no
 * personal data: plans are public documents); the uploaded file is removed when its reading ends.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type DraftFileResponse, type PlanFileError, type PlanFileJob, type PlanFileMethod, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { SignedIn } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { readPlanFile } from './plan-files.ts';
import { PLAN_FILE_LIMITS, type PlanFileLimits, tooBig } from './plan-files.limits.ts';
import { type PlanTools, planTools } from './plan-files.tools.ts';
import { draftPlan } from './plans.draft.ts';

export interface PlanFileServiceOptions {
  /** Where the tools are looked for (config.toolsPath). */
  toolsPath: string;
  limits?: Partial<PlanFileLimits>;
  /** Files read at once before any OCR (Word, text, pdftotext). */
  parallelReads?: number;
  /** For tests: the tools to use instead of those on toolsPath. */
  tools?: PlanTools;
  onError?(err: unknown): void;
}

interface Job {
  id: string;
  userId: number;
  status: PlanFileJob['status'];
  fileName: string | null;
  method: PlanFileMethod | null;
  pages: number | null;
  pagesDone: number;
  result: DraftFileResponse | null;
  error: PlanFileError | null;
  endedAt: number | null;
  controller: AbortController;
}

export interface Upload {
  file: Readable;
  fileName: string;
  /** Whether the upload was cut at the size limit. */
  truncated(): boolean;
}

const busy = (key: 'plans.files.busy' | 'plans.files.ocrBusy', seconds: number) => new AppError(429, 'plan_files_busy', say(key, { seconds }), undefined, { retryAfterSeconds: seconds });

function errorOf(err: unknown): PlanFileError {
  if (err instanceof AppError) return { code: err.code, ...err.said };
  return { code: 'internal', ...say('http.internal') };
}

/** A name as sent, without control characters, not endless (it is shown back in messages). */
export const cleanFileName = (name: string) =>
  [...name]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f')
    .join('')
    .slice(0, 255) || 'tệp';

/** The OCR queue: one scan read at a time, a few waiting, in order. */
function ocrQueue(limits: PlanFileLimits) {
  let running: { job: Job; pages: number; started: number } | null = null;
  const waiting: { job: Job; pages: number; turn: () => void; cancel: (err: unknown) => void }[] = [];
  /** Seconds an OCR page has taken, averaged as pages are read (a first guess until then). */
  let secondsPerPage = 5;

  const release = () => {
    if (running) {
      const done = Math.max(1, running.job.pagesDone);
      const rate = (Date.now() - running.started) / 1000 / done;
      secondsPerPage = 0.7 * secondsPerPage + 0.3 * rate;
    }
    running = null;
    const next = waiting.shift();
    next?.turn();
  };

  const secondsAhead = () => {
    const left = running ? Math.max(0, running.pages - running.job.pagesDone) : 0;
    return Math.max(5, Math.ceil((left + waiting.reduce((n, w) => n + w.pages, 0)) * secondsPerPage));
  };

  return {
    /** Resolves with the release when it is the job's turn; throws 429 when too many wait already. */
    acquire(job: Job, pages: number): Promise<() => void> {
      const once = () => {
        let released = false;
        return () => {
          if (!released) {
            released = true;
            release();
          }
        };
      };
      if (!running) {
        running = { job, pages, started: Date.now() };
        return Promise.resolve(once());
      }
      // Thrown, not rejected: the request that brought the scan is answered 429 (before any 202).
      if (waiting.length >= limits.ocrWaiting) throw busy('plans.files.ocrBusy', secondsAhead());
      job.status = 'queued';
      return new Promise((resolve, reject) => {
        const entry = {
          job,
          pages,
          turn: () => {
            job.controller.signal.removeEventListener('abort', onAbort);
            job.status = 'reading';
            running = { job, pages, started: Date.now() };
            resolve(once());
          },
          cancel: reject,
        };
        const onAbort = () => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          reject(job.controller.signal.reason);
        };
        job.controller.signal.addEventListener('abort', onAbort, { once: true });
        waiting.push(entry);
      });
    },
    /** Scans ahead of this one: the one being read and those queued before it. */
    ahead(job: Job): number {
      const at = waiting.findIndex((w) => w.job === job);
      return at < 0 ? 0 : at + (running ? 1 : 0);
    },
  };
}

/** At most `n` files read at once (before OCR); a few more wait briefly, the rest are told to retry. */
function readSlots(n: number) {
  let busyCount = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire(): Promise<() => void> {
      if (busyCount >= n) {
        if (waiting.length >= n * 2) throw busy('plans.files.busy', 10);
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else busyCount++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const next = waiting.shift();
        if (next) next();
        else busyCount--;
      };
    },
  };
}

export function planFileService(db: Kysely<DB>, options: PlanFileServiceOptions) {
  const limits: PlanFileLimits = { ...PLAN_FILE_LIMITS, ...options.limits };
  const tools = options.tools ?? planTools(options.toolsPath);
  const jobs = new Map<string, Job>();
  /** Readings not yet ended, whether or not a page follows them (for close()). */
  const active = new Set<Job>();
  const queue = ocrQueue(limits);
  const reads = readSlots(options.parallelReads ?? 2);
  let closed = false;

  const view = (job: Job): PlanFileJob => ({
    id: job.id,
    status: job.status,
    fileName: job.fileName,
    method: job.method,
    pages: job.pages,
    pagesDone: job.pagesDone,
    waiting: job.status === 'queued' ? queue.ahead(job) : 0,
    result: job.result,
    error: job.error,
  });

  function forget() {
    const cutoff = Date.now() - limits.keepMinutes * 60_000;
    for (const [id, job] of jobs) if (job.endedAt !== null && job.endedAt < cutoff) jobs.delete(id);
  }
  const sweeper = setInterval(forget, 60_000);
  sweeper.unref();

  /** The upload, written to a file of its own directory (removed when the reading ends). */
  async function save(upload: Upload): Promise<{ dir: string; file: string }> {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ytcs-plan-'));
    const file = path.join(dir, 'upload');
    try {
      await pipeline(upload.file, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      if (upload.truncated()) throw tooBig(say('plans.files.tooLarge', { megabytes: Math.round(limits.fileBytes / 1024 / 1024) }));
      return { dir, file };
    } catch (err) {
      await fs.promises.rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  return {
    limits,
    /**
     * Reads an uploaded plan file: 200 with the draft when it needed no OCR, else 202 with the
     * reading to follow. A file that cannot be read is answered with why (4xx, 503 for a tool
     * missing), before any 202.
     */
    async start(ctx: SignedIn, upload: Upload): Promise<{ status: 200 | 202; job: PlanFileJob }> {
      if (closed) throw new AppError(503, 'stopping', say('plans.files.stopped'));
      const userId = ctx.principal.userId;
      const open = [...jobs.values()].filter((j) => j.userId === userId && j.endedAt === null).length;
      if (open >= limits.perUser) throw new AppError(429, 'plan_files_busy', say('plans.files.perUser', { files: open }), undefined, { retryAfterSeconds: 30 });
      const fileName = cleanFileName(upload.fileName);
      const { dir, file } = await save(upload);
      const job: Job = { id: randomUUID(), userId, status: 'reading', fileName, method: null, pages: null, pagesDone: 0, result: null, error: null, endedAt: null, controller: new AbortController() };
      let long: () => void = () => {};
      const becameLong = new Promise<'long'>((resolve) => {
        long = () => resolve('long');
      });
      const slot: { release: () => void } = { release: () => {} };
      active.add(job);
      const run = (async () => {
        const started = Date.now();
        try {
          slot.release = await reads.acquire();
          const read = await readPlanFile(
            { path: file, name: fileName },
            {
              tools,
              limits,
              signal: job.controller.signal,
              ocr: {
                acquire: async (pages) => {
                  job.method = 'ocr';
                  job.pages = pages;
                  // The quick part is over: let another file be read while this one waits for OCR.
                  slot.release();
                  const turn = queue.acquire(job, pages);
                  jobs.set(job.id, job);
                  long();
                  return turn;
                },
              },
              onProgress: (done) => {
                job.pagesDone = done;
              },
            },
          );
          const { legacy, ...reading } = read;
          const { draft, candidates } = await draftPlan(db, ctx, read.text, legacy);
          job.method = read.method;
          job.result = { draft, candidates, fileName, ...reading, seconds: Math.round((Date.now() - started) / 100) / 10 };
          job.status = 'done';
        } catch (caught) {
          // A reading stopped by close() fails with why, not with the killed tool's error.
          const err = job.controller.signal.aborted ? job.controller.signal.reason : caught;
          job.status = 'failed';
          job.error = errorOf(err);
          if (!(err instanceof AppError)) options.onError?.(err);
          throw err;
        } finally {
          slot.release();
          active.delete(job);
          job.endedAt = Date.now();
          await fs.promises.rm(dir, { recursive: true, force: true });
        }
      })();
      const first = await Promise.race([run.then(() => 'done' as const).catch((err: unknown) => ({ err })), becameLong]);
      if (first === 'long') {
        // From here the reading's outcome is the job's; nothing else awaits `run`.
        run.catch(() => {});
        return { status: 202, job: view(job) };
      }
      if (typeof first === 'object') {
        jobs.delete(job.id);
        throw first.err;
      }
      jobs.set(job.id, job);
      return { status: 200, job: view(job) };
    },

    /** A reading of the caller's; any other (or one forgotten) is 404 with why. */
    get(ctx: SignedIn, id: string): PlanFileJob {
      const job = jobs.get(id);
      if (!job || job.userId !== ctx.principal.userId) throw new AppError(404, 'not_found', say('plans.files.jobGone', { minutes: limits.keepMinutes }));
      return view(job);
    },

    /** Stops every reading (the server is shutting down): running tools are killed, files removed. */
    close() {
      closed = true;
      clearInterval(sweeper);
      for (const job of active) job.controller.abort(new AppError(503, 'stopping', say('plans.files.stopped')));
    },
  };
}

export type PlanFileService = ReturnType<typeof planFileService>;
