// One fetch wrapper for the whole web app: cookies, CSRF double-submit, UI language, error mapping.
import { type FieldError, type Language, translateError } from '@wenming/contracts';

const API_PREFIX = '/api/v1';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** An error answer of the server (`{"error":{code,message,details,requestId}}`) or a failed request. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId?: string;

  constructor(status: number, code: string, message: string, details?: unknown, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** `details.fields` of a 400 VALIDATION_FAILED, or an empty list. */
  get fieldErrors(): FieldError[] {
    const fields = (this.details as { fields?: unknown } | null | undefined)?.fields;
    if (!Array.isArray(fields)) return [];
    return fields.filter((f): f is FieldError => typeof f?.field === 'string' && typeof f?.message === 'string');
  }

  /** True when the request never reached the server (offline, DNS, connection reset). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

interface ClientState {
  csrfToken: string | null;
  language: Language;
  onUnauthorized: (err: ApiError) => void;
  onPasswordChangeRequired: (err: ApiError) => void;
}

const state: ClientState = {
  csrfToken: null,
  language: 'zh-CN',
  onUnauthorized: () => {},
  onPasswordChangeRequired: () => {},
};

/** Keeps the session's CSRF token (from login and /me) for later writes. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}
export function getCsrfToken(): string | null {
  return state.csrfToken;
}

/**
 * Reads the session's CSRF token again from /me. A write answered 403 CSRF_TOKEN_INVALID came from a page that
 * never read /me (the public 随手拍 page of a signed-in resident), from before a sign-in in another tab, or from
 * the offline queue of an app started without a network: one fresh token, and the write is sent once more.
 */
export async function refreshCsrfToken(): Promise<boolean> {
  try {
    const res = await fetch(apiUrl('me'), { credentials: 'include', headers: buildRequestHeaders('GET') });
    if (!res.ok) {
      if (res.status === 401) state.csrfToken = null;
      return false;
    }
    const me = (await res.json()) as { csrfToken?: string | null };
    state.csrfToken = me.csrfToken ?? null;
    return state.csrfToken !== null;
  } catch {
    return false;
  }
}

/** The language the server answers errors in (`X-Wenming-Lang`). */
export function setApiLanguage(lang: Language): void {
  state.language = lang;
}
export function getApiLanguage(): Language {
  return state.language;
}

/** What to do when a request answers 401, or 403 AUTH_PASSWORD_CHANGE_REQUIRED (the app navigates). */
export function setAuthHandlers(handlers: Partial<Pick<ClientState, 'onUnauthorized' | 'onPasswordChangeRequired'>>) {
  Object.assign(state, handlers);
}

/** Headers every request carries; writes also carry the CSRF token. */
export function buildRequestHeaders(method: string, extra?: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Wenming-Lang': state.language };
  if (WRITE_METHODS.has(method.toUpperCase()) && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  return { ...headers, ...extra };
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue | QueryValue[]>;

/** `?a=1&b=x` without empty values; '' when nothing is left. */
export function buildQuery(params?: QueryParams): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, raw] of Object.entries(params)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (value === undefined || value === null || value === '') continue;
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Absolute API path: `units` → `/api/v1/units`; paths already under `/api` or `/open311` stay. */
export function apiUrl(path: string, params?: QueryParams): string {
  const base = /^(https?:)?\/(api|open311)\//.test(path) ? path : `${API_PREFIX}/${path.replace(/^\//, '')}`;
  return base + buildQuery(params);
}

/** Turns a non-2xx response into an ApiError, reading the server's error body when there is one. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const e = (body as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } })?.error;
  if (e?.code)
    return new ApiError(
      res.status,
      e.code,
      e.message || translateError(e.code, state.language),
      e.details,
      e.requestId,
    );
  const code = res.status >= 500 ? 'INTERNAL' : `HTTP_${res.status}`;
  return new ApiError(
    res.status,
    code,
    res.status >= 500 ? translateError('INTERNAL', state.language) : res.statusText || code,
  );
}

const networkMessages: Record<Language, string> = {
  'zh-CN': '网络连接失败，请检查网络后重试',
  'zh-TW': '網路連線失敗，請檢查網路後重試',
  en: 'Network error; check your connection and try again',
};

export interface RequestOptions {
  body?: unknown;
  query?: QueryParams;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not hand 401/403 to the app's navigation handlers (the login form shows them itself). */
  silentAuth?: boolean;
  /** Set on the one resend after a refreshed CSRF token. */
  isResend?: boolean;
}

/** Sends one request and returns the parsed JSON body (undefined for empty answers). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { body, query, signal, silentAuth } = options;
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const headers = buildRequestHeaders(method, options.headers);
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), {
      method,
      credentials: 'include',
      headers,
      signal,
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', networkMessages[state.language]);
  }
  if (!res.ok) {
    const err = await errorFromResponse(res);
    if (err.code === 'CSRF_TOKEN_INVALID' && !options.isResend && (await refreshCsrfToken()))
      return request<T>(method, path, { ...options, isResend: true });
    if (!silentAuth && err.status === 401) state.onUnauthorized(err);
    if (!silentAuth && err.status === 403 && err.code === 'AUTH_PASSWORD_CHANGE_REQUIRED')
      state.onPasswordChangeRequired(err);
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, options?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
