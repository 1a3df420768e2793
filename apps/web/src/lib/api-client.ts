import { env } from '@/config/env';
import { getAccessToken, notifySessionExpired, refreshAccessToken } from './access-token';

/** The API's error body (one global exception filter answers every error with it). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: unknown;
  correlationId?: string;
}

/**
 * - `http`: the API answered with an error status.
 * - `network`: no answer at all (API down, DNS, connection refused, CORS).
 * - `gateway`: a proxy in front of the API (Caddy, the Vite dev server) answered 502/503/504
 *   without the API's error body: the API is down or restarting.
 * - `timeout`: no answer within the time limit.
 * - `invalid-response`: an answer that is not what the endpoint promises.
 */
export type ApiErrorKind = 'http' | 'network' | 'gateway' | 'timeout' | 'invalid-response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when there was no answer. */
  readonly status: number;
  /** The API's error code (e.g. BOT_UNAVAILABLE) or one of NETWORK_ERROR, TIMEOUT, HTTP_<status>, INVALID_RESPONSE. */
  readonly code: string;
  /** The correlation id the API reported (body or X-Correlation-ID header); absent when it never answered. */
  readonly correlationId: string | undefined;
  /** The correlation id this client sent with the request. */
  readonly requestId: string;
  /** Field-level details from the API (validation errors), as sent. */
  readonly errors: unknown;
  /** The whole error body (e.g. BOT_UNAVAILABLE carries cached_data and cached_at). */
  readonly body: unknown;
  readonly method: string;
  /** The API path requested, e.g. /api/v1/health. */
  readonly path: string;

  constructor(init: {
    kind: ApiErrorKind;
    status: number;
    code: string;
    message: string;
    requestId: string;
    correlationId?: string | undefined;
    errors?: unknown;
    body?: unknown;
    method: string;
    path: string;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.errors = init.errors;
    this.body = init.body;
    this.method = init.method;
    this.path = init.path;
  }

  /** True when the API could not be reached (as opposed to answering with an error). */
  get isUnreachable(): boolean {
    return this.kind === 'network' || this.kind === 'gateway' || this.kind === 'timeout';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const CORRELATION_HEADER = 'X-Correlation-ID';

/** A v4 UUID. crypto.randomUUID needs a secure context; fall back to getRandomValues elsewhere. */
export function newCorrelationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const GATEWAY_STATUSES = new Set([502, 503, 504]);

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: HttpMethod;
  query?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Cancels the request (TanStack Query passes one). */
  signal?: AbortSignal;
  /** Time limit for this request; defaults to env.requestTimeoutMs. */
  timeoutMs?: number;
  /**
   * Treat a non-2xx answer as data when this returns true, e.g. GET /health answers 503 with a
   * full health report. Anything else non-2xx becomes an ApiError.
   */
  acceptStatus?: (status: number, body: unknown) => boolean;
  /**
   * Default true: send the in-memory access token, and on a 401 refresh it once and retry. False
   * for the public routes and the sign-in calls themselves.
   */
  auth?: boolean;
}

export interface ApiResponse<T> {
  method: HttpMethod;
  /** The API path requested, e.g. /api/v1/health. */
  path: string;
  status: number;
  data: T;
  /** The correlation id this client sent. */
  requestId: string;
  /** The correlation id the API sent back in X-Correlation-ID, if any. */
  correlationId: string | undefined;
}

function buildUrl(path: string, query?: QueryParams): string {
  const url = new URL(`${env.apiOrigin}${env.apiPrefix}${path}`, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
  }
  return env.apiOrigin === '' ? `${url.pathname}${url.search}` : url.toString();
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ApiErrorBody>;
  return typeof candidate.message === 'string' && typeof candidate.code === 'string';
}

/** 401 codes that a new access token would not cure (wrong password, a second factor, step-up). */
const NOT_CURED_BY_REFRESH = new Set(['MFA_REQUIRED', 'STEP_UP_REQUIRED']);

/**
 * Sends one JSON request to the API and returns the status, the parsed body and the correlation
 * id. Signed-in requests carry the access token; an expired one is refreshed once and the
 * request retried, and when the session cannot be refreshed the app is told to sign in again.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  if (options.auth === false) return sendRequest<T>(path, options, null);
  try {
    return await sendRequest<T>(path, options, getAccessToken());
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || NOT_CURED_BY_REFRESH.has(error.code)) throw error;
    let token: string | null;
    try {
      token = await refreshAccessToken();
    } catch {
      throw error; // The API could not refresh now (restarting?): keep the session, report the 401.
    }
    if (!token) {
      notifySessionExpired();
      throw error;
    }
    return sendRequest<T>(path, options, token);
  }
}

async function sendRequest<T>(path: string, options: RequestOptions, token: string | null): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const requestId = newCorrelationId();
  const timeout = AbortSignal.timeout(options.timeoutMs ?? env.requestTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = { Accept: 'application/json', [CORRELATION_HEADER]: requestId, ...options.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const fullPath = `${env.apiPrefix}${path}`;
  const fail = (init: Omit<ConstructorParameters<typeof ApiError>[0], 'requestId' | 'method' | 'path'>) =>
    new ApiError({ ...init, requestId, method, path: fullPath });

  let response: Response;
  let data: unknown;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, signal, credentials: 'same-origin' });
    data = await readBody(response);
  } catch (error) {
    // The caller cancelled: let its own abort reason through (TanStack Query expects that).
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (timeout.aborted) {
      const seconds = Math.round((options.timeoutMs ?? env.requestTimeoutMs) / 1000);
      throw fail({ kind: 'timeout', status: 0, code: 'TIMEOUT', message: `No answer from the API within ${seconds} s`, cause: error });
    }
    throw fail({
      kind: 'network',
      status: 0,
      code: 'NETWORK_ERROR',
      message: 'The request got no answer: the API is down or the network failed.',
      cause: error,
    });
  }

  const headerId = response.headers.get(CORRELATION_HEADER) ?? undefined;
  if (response.ok || options.acceptStatus?.(response.status, data)) {
    return { method, path: fullPath, status: response.status, data: data as T, requestId, correlationId: headerId };
  }
  if (isErrorBody(data)) {
    throw fail({
      kind: 'http',
      status: response.status,
      code: data.code,
      message: data.message,
      errors: data.errors,
      body: data,
      correlationId: data.correlationId ?? headerId,
    });
  }
  // Not the API's error shape: a proxy or gateway answered (502/504 while the API restarts, ...).
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  if (GATEWAY_STATUSES.has(response.status)) {
    throw fail({
      kind: 'gateway',
      status: response.status,
      code: `HTTP_${response.status}`,
      message: `The API is not answering: the proxy in front of it answered ${response.status}${statusText}`,
      correlationId: headerId,
    });
  }
  throw fail({
    kind: 'http',
    status: response.status,
    code: `HTTP_${response.status}`,
    message: `The API answered ${response.status}${statusText}`,
    correlationId: headerId,
  });
}

/** Builds the error an endpoint throws when an answer does not have the promised shape. */
export function invalidResponse(response: ApiResponse<unknown>, what: string): ApiError {
  return new ApiError({
    kind: 'invalid-response',
    status: response.status,
    code: 'INVALID_RESPONSE',
    message: `Unexpected answer from ${response.method} ${response.path}: ${what}`,
    requestId: response.requestId,
    correlationId: response.correlationId,
    method: response.method,
    path: response.path,
  });
}

export const apiClient = {
  request: apiRequest,
  get: async <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await apiRequest<T>(path, { ...options, method: 'GET' })).data,
  post: async <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await apiRequest<T>(path, { ...options, method: 'POST', body })).data,
  put: async <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await apiRequest<T>(path, { ...options, method: 'PUT', body })).data,
  patch: async <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await apiRequest<T>(path, { ...options, method: 'PATCH', body })).data,
  delete: async <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await apiRequest<T>(path, { ...options, method: 'DELETE' })).data,
};
