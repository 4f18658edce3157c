/**
 * A plan read from a file (Word, PDF, scan, photo, text): the same draft as from pasted text,
 * with the text that was read and how, and the reading's progress while a scan is read by OCR.
 */
import { type Static, Type } from 'typebox';
import { MessageRef, Nullable, literalUnion } from '../http/contract.ts';
import { DraftResponse } from './contract.ts';
import { PLAN_FILE_METHODS, PLAN_FILE_STATUSES } from './files.codes.ts';

export const PlanFileMethod = literalUnion(PLAN_FILE_METHODS);
export type PlanFileMethod = Static<typeof PlanFileMethod>;

export const PlanFileStatus = literalUnion(PLAN_FILE_STATUSES);
export type PlanFileStatus = Static<typeof PlanFileStatus>;

/** The draft of a file's text, and how that text was read. */
export const DraftFileResponse = Type.Object({
  ...DraftResponse.properties,
  fileName: Nullable(Type.String()),
  method: PlanFileMethod,
  text: Type.String({ description: 'the text read from the file, as the parser read it; a reviewer may correct it and send it to POST /api/plans/draft' }),
  pages: Nullable(Type.Integer({ description: 'pages of a PDF; 1 for an image' })),
  ocrPages: Type.Integer({ description: 'pages read by OCR (a PDF may mix text and scanned pages)' }),
  confidence: Nullable(Type.Number({ minimum: 0, maximum: 100, description: 'OCR only: mean word confidence given by Tesseract, 0–100' })),
  seconds: Type.Number({ description: 'time spent reading the file' }),
});
export type DraftFileResponse = Static<typeof DraftFileResponse>;

/** Why a reading failed: the error body a request would have had. */
export const PlanFileError = Type.Object({ code: Type.String(), ...MessageRef, message: Type.String(), messageEn: Type.String() });
export type PlanFileError = Static<typeof PlanFileError>;

export const PlanFileJob = Type.Object({
  id: Type.String({ description: 'the reading, for GET /api/plans/draft/file/{id}' }),
  status: PlanFileStatus,
  fileName: Nullable(Type.String()),
  method: Nullable(PlanFileMethod),
  pages: Nullable(Type.Integer({ description: 'pages to read by OCR, once known' })),
  pagesDone: Type.Integer(),
  waiting: Type.Integer({ description: 'scans ahead of this one in the OCR queue' }),
  result: Nullable(DraftFileResponse),
  error: Nullable(PlanFileError),
});
export type PlanFileJob = Static<typeof PlanFileJob>;

export const PlanFileJobParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }) });
export type PlanFileJobParams = Static<typeof PlanFileJobParams>;
