/**
 * The few errors a service may throw, each with a Vietnamese and an English message. One error
 * handler (app.ts) maps them to HTTP; a 5xx body never carries internals.
 */
export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(messageEn);
  }
}

export const notFound = () =>
  new AppError(404, 'not_found', 'Không tìm thấy hoặc không có quyền truy cập', 'Not found or no access');

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Chưa đăng nhập hoặc phiên đã hết hạn', 'Not signed in or the session has expired');

export const forbidden = () =>
  new AppError(403, 'forbidden', 'Tài khoản không có quyền thực hiện thao tác này', 'Your account may not do this');

/** A clash with existing data; `field` names the input that clashes, as a unique violation does (http/unique-violations.ts). */
export const conflict = (messageVi: string, messageEn: string, field?: string) =>
  new AppError(409, 'conflict', messageVi, messageEn, field ? [{ field, message: messageVi, messageEn }] : undefined);

export const invalid = (errors: FieldError[]) =>
  new AppError(400, 'invalid', 'Dữ liệu không hợp lệ', 'Invalid data', errors);
