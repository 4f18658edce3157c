/**
 * The few errors a service may throw, each with a message of the catalogue (common/src/messages):
 * `new AppError(409, 'duplicate_citizen_id', say('registry.citizenIdTaken', { residentId }))`.
 * One error handler (http/error-handler.ts) maps them to HTTP, sending the message's key, its
 * parameters and its Vietnamese and English sentence; a 5xx body never carries internals.
 */
import { type FieldError, type Said, say } from '@ytcs/common';

export type { FieldError, Said };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly said: Said,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(said.messageEn);
  }
}

export const notFound = () => new AppError(404, 'not_found', say('common.notFound'));

export const unauthenticated = () => new AppError(401, 'unauthenticated', say('common.unauthenticated'));

export const forbidden = () => new AppError(403, 'forbidden', say('common.forbidden'));

/** A clash with existing data; `field` names the input that clashes, as a unique violation does (http/unique-violations.ts). */
export const conflict = (said: Said, field?: string) => new AppError(409, 'conflict', said, field ? [{ field, ...said }] : undefined);

export const invalid = (errors: FieldError[]) => new AppError(400, 'invalid', say('common.invalid'), errors);
