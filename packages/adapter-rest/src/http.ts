/**
 * The transport under the REST adapter: one `request()` that adds headers, a timeout and retries,
 * and turns every HTTP and network failure into an `AdapterError` (openapi.yaml, "Errors").
 */
import { AdapterError, isAbortError, isAdapterErrorCode, type AdapterErrorCode, type ConflictCurrent } from '@acct/core';

export interface RestAdapterOptions {
  /** Where the API lives: `/api`, `https://billing.example.com/api/v1`. */
  baseUrl: string;
  /** `fetch` credentials mode. Default `same-origin` (session cookie on the same site). */
  credentials?: RequestCredentials;
  /**
   * Extra headers for every request, e.g. a CSRF token read from a cookie or a meta tag. Called per
   * request (also per retry), so a rotating token stays fresh.
   */
  headers?: (req: { method: string; path: string }) => Record<string, string> | Promise<Record<string, string>>;
  /** Milliseconds before one attempt is abandoned as `timeout`. Default 15 000. */
  timeout?: number;
  /** Extra attempts after a retryable failure (GETs and writes with an idempotency key). Default 2. */
  retries?: number;
  /** First backoff delay in ms; doubles per attempt, with jitter. Default 300. */
  backoff?: number;
  /** A `Retry-After` longer than this (seconds) is not waited for: the caller gets `rate_limited`. */
  maxRetryAfter?: number;
  /** For tests and non-browser hosts. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  ifMatch?: string | undefined;
  idempotencyKey?: string | undefined;
  query?: Record<string, string | number | undefined> | undefined;
  body?: unknown;
}

export interface RestResponse {
  status: number;
  body: unknown;
  etag: string | undefined;
}

const STATUS_CODES: Record<number, AdapterErrorCode> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'conflict',
  422: 'validation',
  429: 'rate_limited',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

/** Codes only the client can know; a server claiming them is not believed. */
const CLIENT_ONLY = new Set<AdapterErrorCode>(['network', 'timeout', 'invalid_response']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `Retry-After` is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The one place an error response becomes an `AdapterError`. */
export function errorFromResponse(status: number, body: unknown, headers: Pick<Headers, 'get'>): AdapterError {
  const b = isRecord(body) ? body : {};
  const byStatus: AdapterErrorCode = STATUS_CODES[status] ?? 'unknown';
  // 403 is `forbidden` or `reauth_required` as the body says; other bodies may refine the status.
  const code: AdapterErrorCode =
    isAdapterErrorCode(b.code) && !CLIENT_ONLY.has(b.code) && (status >= 400 && status < 500 ? true : b.code === 'unavailable') ? b.code : byStatus;
  const message = typeof b.message === 'string' ? b.message : `HTTP ${status}`;
  const fieldErrors = isRecord(b.fieldErrors)
    ? Object.fromEntries(Object.entries(b.fieldErrors).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : undefined;
  const retryAfter = parseRetryAfter(headers.get('retry-after')) ?? (typeof b.retryAfter === 'number' && b.retryAfter >= 0 ? b.retryAfter : undefined);
  let current: ConflictCurrent | undefined;
  if (code === 'conflict' && isRecord(b.current) && 'data' in b.current) {
    current = { data: b.current.data, ...(typeof b.current.version === 'string' ? { version: b.current.version } : {}) };
  }
  return new AdapterError(code, {
    message,
    ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...(current ? { current } : {}),
  });
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An ETag as sent on the wire; versions travel unquoted in bodies. */
export function quoteEtag(version: string): string {
  return /^(W\/)?".*"$/.test(version) ? version : `"${version}"`;
}

export function createTransport(options: RestAdapterOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeout = options.timeout ?? 15_000;
  const retries = Math.max(0, options.retries ?? 2);
  const backoff = options.backoff ?? 300;
  const maxRetryAfter = options.maxRetryAfter ?? 10;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  function url(path: string, query?: CallOptions['query']): string {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q.set(k, String(v));
    const s = q.toString();
    return `${base}${path}${s ? `?${s}` : ''}`;
  }

  /** One attempt: fetch under a timer that also follows the caller's signal. */
  async function attempt(method: string, path: string, o: CallOptions): Promise<RestResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...(await options.headers?.({ method, path })) };
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (o.ifMatch !== undefined) headers['if-match'] = quoteEtag(o.ifMatch);
    if (o.idempotencyKey !== undefined) headers['idempotency-key'] = o.idempotencyKey;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let res: Response;
      try {
        res = await doFetch(url(path, o.query), {
          method,
          headers,
          credentials: options.credentials ?? 'same-origin',
          signal: controller.signal,
          ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
        });
      } catch (e) {
        if (o.signal?.aborted) throw abortError();
        if (timedOut) throw new AdapterError('timeout', { cause: e });
        throw new AdapterError('network', { message: 'The server could not be reached', cause: e });
      }
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        if (o.signal?.aborted) throw abortError();
        throw new AdapterError(timedOut ? 'timeout' : 'network', { cause: e });
      }
      let body: unknown;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          // An error page from a proxy is still an HTTP error; only a 2xx must be JSON.
          if (res.ok) throw new AdapterError('invalid_response', { message: 'The response is not JSON' });
        }
      }
      if (!res.ok) throw errorFromResponse(res.status, body, res.headers);
      return { status: res.status, body, etag: res.headers.get('etag') ?? undefined };
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Retries only what is safe to repeat: reads, and writes the server can deduplicate by key. */
  async function request(method: string, path: string, o: CallOptions = {}): Promise<RestResponse> {
    const safe = method === 'GET' || o.idempotencyKey !== undefined;
    for (let n = 0; ; n++) {
      try {
        return await attempt(method, path, o);
      } catch (e) {
        if (isAbortError(e) || !safe || n >= retries || !(e instanceof AdapterError)) throw e;
        const retryable = e.code === 'network' || e.code === 'timeout' || e.code === 'unavailable' || e.code === 'rate_limited';
        if (!retryable) throw e;
        if (e.retryAfter !== undefined && e.retryAfter > maxRetryAfter) throw e;
        const wait = e.retryAfter !== undefined ? e.retryAfter * 1000 : backoff * 2 ** n * (0.75 + Math.random() * 0.5);
        await sleep(wait, o.signal ?? undefined);
      }
    }
  }

  return { request };
}
