/**
 * The codes of reading a plan from a file, as plain arrays (the web imports them without
 * TypeBox): how the text was read, and where a reading is.
 */

/** A Word document, a PDF's own text, OCR of a scan or photo, or plain text. */
export const PLAN_FILE_METHODS = ['docx', 'pdf-text', 'ocr', 'text'] as const;
export type PlanFileMethodCode = (typeof PLAN_FILE_METHODS)[number];

/** Waiting for the OCR queue, being read, read, or given up (with the reason). */
export const PLAN_FILE_STATUSES = ['queued', 'reading', 'done', 'failed'] as const;

/** The files the plan importer takes, for a file picker's `accept`. */
export const PLAN_FILE_EXTENSIONS = ['.docx', '.pdf', '.png', '.jpg', '.jpeg', '.txt'] as const;
