// The one door to the HTTP API: same-origin cookie session, JSON both ways, and every failure
// turned into an ApiError that carries the server's bilingual message and field errors.
import type { ErrorBody, FieldError, Warning } from '@ytcs/common';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The message's key in the server's catalogue and its parameters: serverText() shows it in the reader's language. */
  readonly key: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  readonly messageEn: string;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | undefined;
  /** 422 `needs_confirmation`: what a person must confirm before the same request is resent. */
  readonly warnings: Warning[];

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.key = body.key;
    this.params = body.params;
    this.messageEn = body.messageEn ?? body.message;
    this.errors = body.errors ?? [];
    this.retryAfterSeconds = body.retryAfterSeconds;
    this.warnings = body.warnings ?? [];
  }
}

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Login answers 401 for wrong credentials; that must not count as "session expired". */
  ignoreUnauthorized?: boolean;
};

let onUnauthorized: () => void = () => {};

/** The app registers what to do when the session is gone (clear caches, show the login page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    // Empty filters are left out so the server applies its own defaults.
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// Proxies and crashed servers answer with HTML or nothing; people still need a sentence.
function fallbackBody(status: number): ErrorBody {
  if (status === 0) {
    return { code: 'network', message: 'Không kết nối được máy chủ', messageEn: 'Cannot reach the server' };
  }
  return {
    code: `http_${status}`,
    message: `Máy chủ báo lỗi (${status})`,
    messageEn: `The server answered with an error (${status})`,
  };
}

async function readErrorBody(response: Response): Promise<ErrorBody> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    if (typeof body?.message === 'string') return { ...fallbackBody(response.status), ...body } as ErrorBody;
  } catch {
    // not JSON: fall through to the generic message
  }
  return fallbackBody(response.status);
}

async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  // A form (a file upload) sets its own multipart boundary; everything else goes as JSON.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, fallbackBody(0));
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await readErrorBody(response));
    if (response.status === 401 && !options.ignoreUnauthorized) onUnauthorized();
    throw error;
  }
  return response;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the server builds (a printed record, a spreadsheet): its bytes and the name it suggests. */
export async function download(path: string): Promise<{ blob: Blob; filename: string | null }> {
  const response = await send('GET', path, {}, '*/*');
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), filename };
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  /** multipart/form-data: the fields first, then the file (the server reads the fields before the file part). */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
};
