/**
 * Fault injection, latency, cancellation and the redacted call log: the parts of the memory
 * adapter that imitate a network and a misbehaving server rather than the data.
 */
import type { AdapterErrorCode } from '@acct/core';

/** Selects calls by name: `'panel.update'`, a whole sub-API `'panel.*'`, or omitted for any call. */
export interface MethodFilter {
  method?: string;
}

export interface FailOptions extends MethodFilter {
  /** How many matching calls fail (default 1). */
  times?: number;
  /** For `validation`: field path -> reason. */
  fieldErrors?: Record<string, string>;
  /** For `rate_limited`: seconds. */
  retryAfter?: number;
  message?: string;
}

export interface ReauthOptions extends MethodFilter {
  /** At most this many calls are refused (default: until re-authentication succeeds). */
  times?: number;
}

export type Fault =
  | { kind: 'fail'; method?: string; times: number; code: AdapterErrorCode; options: FailOptions }
  | { kind: 'conflict'; method?: string; times: number }
  | { kind: 'malformed'; method?: string; times: number }
  | { kind: 'hang'; method?: string; times: number }
  | { kind: 'reauth'; method?: string; times: number };

/** What the adapter knows about a call when it looks for a fault to fire. */
export interface CallInfo {
  method: string;
  write: boolean;
  /** Set for `<domain>.update`, the only calls a simulated conflict can hit. */
  versioned: boolean;
}

export function matchesMethod(pattern: string | undefined, method: string): boolean {
  if (pattern === undefined) return true;
  if (pattern.endsWith('.*')) return method.startsWith(pattern.slice(0, -1));
  return pattern === method;
}

function applies(fault: Fault, call: CallInfo): boolean {
  if (!matchesMethod(fault.method, call.method)) return false;
  switch (fault.kind) {
    case 'conflict':
      return call.versioned;
    case 'reauth':
      // Re-authenticating must stay possible, and "any call" means any sensitive one: a write.
      return call.method !== 'viewer.reauthenticate' && (fault.method !== undefined || call.write);
    default:
      return true;
  }
}

/** A FIFO of armed faults; the first one that applies to a call fires and is consumed. */
export class FaultQueue {
  #faults: Fault[] = [];

  add(fault: Fault): void {
    this.#faults.push(fault);
  }

  take(call: CallInfo): Fault | undefined {
    const i = this.#faults.findIndex((f) => applies(f, call));
    if (i < 0) return undefined;
    const fault = this.#faults[i];
    fault.times -= 1;
    if (fault.times <= 0) this.#faults.splice(i, 1);
    return fault;
  }

  /** A successful re-authentication lifts every pending re-authentication requirement. */
  clearReauth(): void {
    this.#faults = this.#faults.filter((f) => f.kind !== 'reauth');
  }

  clear(): void {
    this.#faults = [];
  }
}

/** What `fetch` rejects with on abort, so callers can treat both adapters alike. */
export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `ms`, rejecting with an AbortError as soon as `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never settles, except by rejecting when `signal` aborts: a request the server never answers. */
export function hang(signal?: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(abortError());
    signal?.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}

/** Object keys whose values never reach the call log. */
const SECRET_KEYS = new Set(['password', 'current', 'next', 'codeWord', 'word', 'code', 'secret', 'confirmation']);
/** Positional secret arguments, per method (a code word or a one-time code passed bare). */
const SECRET_ARGS: Record<string, number[]> = {
  'security.setCodeWord': [0],
  'security.confirmTwoFactor': [0],
  'security.disableTwoFactor': [0],
  'contacts.confirmPhoneVerification': [1],
};

export const REDACTED = '[redacted]';

function redactValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redactValue);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = SECRET_KEYS.has(k) ? REDACTED : redactValue(x);
    return out;
  }
  return v;
}

/** A copy of a call's arguments that is safe to show in a story panel or a test failure. */
export function redactArgs(method: string, args: readonly unknown[]): unknown[] {
  const secret = SECRET_ARGS[method] ?? [];
  return args.map((a, i) => (secret.includes(i) ? REDACTED : redactValue(a)));
}

/**
 * A payload that looks like a response but has the wrong types everywhere (strings become
 * numbers, numbers strings, booleans strings), the way a proxy, a version skew or an HTML error
 * page breaks a real API. A call that returns nothing gets the error page itself.
 */
export function corrupt(value: unknown): unknown {
  if (value === undefined || value === null) return '<html><body>502 Bad Gateway</body></html>';
  if (Array.isArray(value)) return value.length ? value.map(corrupt) : 'none';
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = corrupt(v);
    return out;
  }
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}
