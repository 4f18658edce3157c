/**
 * Maps errors to HTTP in one place: AppError as it says, schema failures as field errors, unique
 * violations as 409 naming the field, the rest as 500 without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError, invalid } from '../errors.ts';
import { uniqueViolation } from './unique-violations.ts';

function fieldOf(v: { instancePath?: string; params?: Record<string, unknown> }, location: string | undefined): string {
  const missing = v.params?.missingProperty ?? v.params?.requiredProperties;
  const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const field = [path, Array.isArray(missing) ? missing[0] : missing].filter(Boolean).join('.');
  return field || location || 'body';
}

function translate(v: { keyword?: string; message?: string; params?: Record<string, unknown> }): { vi: string; en: string } {
  const p = v.params ?? {};
  switch (v.keyword) {
    case 'required':
      return { vi: 'Bắt buộc', en: 'Required' };
    case 'minLength':
      return { vi: `Cần ít nhất ${p.limit} ký tự`, en: `At least ${p.limit} characters` };
    case 'maxLength':
      return { vi: `Tối đa ${p.limit} ký tự`, en: `At most ${p.limit} characters` };
    case 'minimum':
      return { vi: `Không nhỏ hơn ${p.limit}`, en: `Not less than ${p.limit}` };
    case 'maximum':
      return { vi: `Không lớn hơn ${p.limit}`, en: `Not more than ${p.limit}` };
    case 'pattern':
      return { vi: 'Sai định dạng', en: 'Wrong format' };
    case 'format':
      return p.format === 'date' ? { vi: 'Ngày không tồn tại (YYYY-MM-DD)', en: 'Not a real date (YYYY-MM-DD)' } : { vi: 'Sai định dạng', en: 'Wrong format' };
    case 'type':
      return { vi: `Sai kiểu dữ liệu (cần ${p.type})`, en: `Wrong type (expected ${p.type})` };
    case 'additionalProperties':
      return { vi: `Trường không được phép: ${p.additionalProperty}`, en: `Field not allowed: ${p.additionalProperty}` };
    default:
      return { vi: 'Giá trị không hợp lệ', en: v.message ?? 'Invalid value' };
  }
}

export function errorHandler(error: FastifyError & { validation?: unknown[]; validationContext?: string }, req: FastifyRequest, reply: FastifyReply) {
  let appError: AppError;
  const duplicate = uniqueViolation(error);
  if (error instanceof AppError) appError = error;
  else if (duplicate) appError = duplicate;
  else if (error.validation) {
    const errors: FieldError[] = (error.validation as { instancePath?: string; params?: Record<string, unknown>; keyword?: string; message?: string }[]).map((v) => {
      const m = translate(v);
      return { field: fieldOf(v, error.validationContext), message: m.vi, messageEn: m.en };
    });
    appError = invalid(errors);
  } else if (error.statusCode && error.statusCode < 500) {
    appError = new AppError(error.statusCode, error.code ?? 'bad_request', 'Yêu cầu không hợp lệ', error.message);
  } else {
    req.log.error({ err: error }, 'unhandled error');
    appError = new AppError(500, 'internal', 'Lỗi hệ thống; vui lòng thử lại hoặc báo quản trị viên', 'Internal error; try again or tell the administrator');
  }
  if (appError.status === 429 && appError.extra?.retryAfterSeconds) reply.header('retry-after', String(appError.extra.retryAfterSeconds));
  return reply.code(appError.status).send({
    code: appError.code,
    message: appError.messageVi,
    messageEn: appError.messageEn,
    ...(appError.errors ? { errors: appError.errors } : {}),
    ...(appError.extra ?? {}),
  });
}
