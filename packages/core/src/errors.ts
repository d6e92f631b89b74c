/** Every failure an adapter can report. Elements translate each code into a message. */
export const ADAPTER_ERROR_CODES = [
  'validation',
  'conflict',
  'forbidden',
  'unauthenticated',
  'not_found',
  'rate_limited',
  'reauth_required',
  'network',
  'timeout',
  'unavailable',
  'invalid_response',
  'unknown',
] as const;

export type AdapterErrorCode = (typeof ADAPTER_ERROR_CODES)[number];

/** The server's state at the time of a `conflict`, so the user can compare and choose. */
export interface ConflictCurrent<T = unknown> {
  data: T;
  version?: string;
}

export interface AdapterErrorInit {
  message?: string;
  /** `validation`: field path (`inn`, `lowBalance.threshold`) -> message. */
  fieldErrors?: Record<string, string>;
  /** `rate_limited`: seconds until a retry may succeed. */
  retryAfter?: number;
  /** `conflict`: the server's current data (and its version), when the adapter has it. */
  current?: ConflictCurrent;
  cause?: unknown;
}

/**
 * The one error type of the contract. Hosts may throw their own objects instead: anything with a
 * string `code` is treated as an adapter error (see {@link toAdapterError}).
 */
export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  readonly fieldErrors?: Record<string, string>;
  readonly retryAfter?: number;
  readonly current?: ConflictCurrent;

  constructor(code: AdapterErrorCode, init: AdapterErrorInit = {}) {
    super(init.message ?? code, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AdapterError';
    this.code = code;
    if (init.fieldErrors) this.fieldErrors = init.fieldErrors;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
    if (init.current) this.current = init.current;
  }
}

export function isAdapterErrorCode(code: unknown): code is AdapterErrorCode {
  return typeof code === 'string' && (ADAPTER_ERROR_CODES as readonly string[]).includes(code);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, m] of Object.entries(v)) if (typeof m === 'string') out[k] = m;
  return Object.keys(out).length ? out : undefined;
}

/**
 * Normalises anything thrown by an adapter. Objects with a known string `code` keep it; an
 * unknown code, a plain Error or a non-object becomes `unknown`; an aborted request stays an
 * `AbortError` for the caller to ignore (see {@link isAbortError}).
 */
export function toAdapterError(e: unknown): AdapterError {
  if (e instanceof AdapterError) return e;
  if (isRecord(e) && typeof e.code === 'string') {
    const code = isAdapterErrorCode(e.code) ? e.code : 'unknown';
    const retry = Number(e.retryAfter);
    const current = isRecord(e.current) && 'data' in e.current ? (e.current as unknown as ConflictCurrent) : undefined;
    return new AdapterError(code, {
      message: typeof e.message === 'string' ? e.message : code,
      fieldErrors: stringRecord(e.fieldErrors),
      retryAfter: Number.isFinite(retry) && retry >= 0 ? retry : undefined,
      current,
      cause: e,
    });
  }
  return new AdapterError('unknown', { cause: e });
}

export function isAbortError(e: unknown): boolean {
  return isRecord(e) && e.name === 'AbortError';
}
