// Reading a plan from a file, as the import page shows it: which files it takes, where a reading
// is (sending, waiting for the OCR queue, reading pages) and what was read (how, how sure).
import { PLAN_FILE_EXTENSIONS, type DraftFileResponse, type PlanFileJob } from '@ytcs/common';

/** For the file picker: the extensions the server reads. */
export const PLAN_FILE_ACCEPT = PLAN_FILE_EXTENSIONS.join(',');

/** The server's limit on a plan file (plan-files.limits.ts). */
export const PLAN_FILE_MAX_MB = 30;

export const isReadingOpen = (job: PlanFileJob) => job.status === 'queued' || job.status === 'reading';

export type ReadingStep = { step: 'queued'; ahead: number } | { step: 'ocr'; done: number; pages: number; percent: number } | { step: 'reading' };

/** What to tell while a file is being read. */
export function readingStep(job: PlanFileJob): ReadingStep {
  if (job.status === 'queued') return { step: 'queued', ahead: job.waiting };
  if (job.method === 'ocr' && job.pages) return { step: 'ocr', done: job.pagesDone, pages: job.pages, percent: Math.min(99, Math.round((100 * job.pagesDone) / job.pages)) };
  return { step: 'reading' };
}

/** What was read, shown above the review: how, from which file, and how sure the OCR was. */
export type FileReading = Pick<DraftFileResponse, 'fileName' | 'method' | 'pages' | 'ocrPages' | 'confidence' | 'seconds'>;

export function fileReadingOf(result: DraftFileResponse): FileReading {
  const { fileName, method, pages, ocrPages, confidence, seconds } = result;
  return { fileName, method, pages, ocrPages, confidence, seconds };
}

/** OCR confidence below this is flagged: many words may be wrong. */
export const LOW_CONFIDENCE = 80;

/** A file larger than the server takes, told before it is sent. */
export const tooLarge = (file: { size: number }) => file.size > PLAN_FILE_MAX_MB * 1024 * 1024;
