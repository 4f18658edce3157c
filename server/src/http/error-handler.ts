/**
 * Maps errors to HTTP in one place: AppError as it says, schema failures as field errors, unique
 * violations as 409 naming the field, the rest as 500 without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { say } from '@ytcs/common';
import { AppError, type FieldError, type Said, invalid } from '../errors.ts';
import { uniqueViolation } from './unique-violations.ts';

function fieldOf(v: { instancePath?: string; params?: Record<string, unknown> }, location: string | undefined): string {
  const missing = v.params?.missingProperty ?? v.params?.requiredProperties;
  const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const field = [path, Array.isArray(missing) ? missing[0] : missing].filter(Boolean).join('.');
  return field || location || 'body';
}

/** The validator's complaint as a message. Where ours has no sentence for it, the wire keeps the validator's own English. */
function translate(v: { keyword?: string; message?: string; params?: Record<string, unknown> }): Said {
  const p = v.params ?? {};
  const limit = typeof p.limit === 'number' ? p.limit : String(p.limit);
  switch (v.keyword) {
    case 'required':
      return say('common.required');
    case 'minLength':
      return say('http.minLength', { limit });
    case 'maxLength':
      return say('http.maxLength', { limit });
    case 'minimum':
      return say('http.minimum', { limit });
    case 'maximum':
      return say('http.maximum', { limit });
    case 'pattern':
      return say('http.pattern');
    case 'format':
      return p.format === 'date' ? say('http.date') : say('http.pattern');
    case 'type':
      return say('http.type', { type: String(p.type) });
    case 'additionalProperties':
      return say('http.additionalProperty', { property: String(p.additionalProperty) });
    default: {
      const said = say('http.invalidValue');
      return v.message ? { ...said, messageEn: v.message } : said;
    }
  }
}

export function errorHandler(error: FastifyError & { validation?: unknown[]; validationContext?: string }, req: FastifyRequest, reply: FastifyReply) {
  let appError: AppError;
  const duplicate = uniqueViolation(error);
  if (error instanceof AppError) appError = error;
  else if (duplicate) appError = duplicate;
  else if (error.validation) {
    const errors: FieldError[] = (error.validation as { instancePath?: string; params?: Record<string, unknown>; keyword?: string; message?: string }[]).map((v) => ({
      field: fieldOf(v, error.validationContext),
      ...translate(v),
    }));
    appError = invalid(errors);
  } else if (error.statusCode && error.statusCode < 500) {
    // Fastify's own English sentence stays on the wire; the key gives the reader ours.
    appError = new AppError(error.statusCode, error.code ?? 'bad_request', { ...say('http.badRequest'), messageEn: error.message });
  } else {
    req.log.error({ err: error }, 'unhandled error');
    appError = new AppError(500, 'internal', say('http.internal'));
  }
  if (appError.status === 429 && appError.extra?.retryAfterSeconds) reply.header('retry-after', String(appError.extra.retryAfterSeconds));
  return reply.code(appError.status).send({
    code: appError.code,
    ...appError.said,
    ...(appError.errors ? { errors: appError.errors } : {}),
    ...(appError.extra ?? {}),
  });
}
