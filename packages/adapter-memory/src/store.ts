/**
 * The account's state as a backend would hold it: plain data per domain, an ETag-like version per
 * editable domain, ids, a deterministic clock and the idempotency cache. No latency, faults or
 * validation here; the adapter layers those on top.
 */
import type {
  BillingSettings,
  NotificationSettings,
  PanelSettings,
  Profile,
  SecuritySettings,
  Versioned,
} from '@acct/core';
import { SAMPLE_NOW, type SampleAccount } from './accounts.js';

/** Nested partial for seed overrides; arrays are replaced as a whole, `null` deletes a key. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | null }
    : T;

/** Domains read and written as `{ data, version }`. */
export interface DomainData {
  profile: Profile;
  notifications: NotificationSettings;
  billing: BillingSettings;
  panel: PanelSettings;
  security: SecuritySettings;
}
export type Domain = keyof DomainData;
export const DOMAINS: readonly Domain[] = ['profile', 'notifications', 'billing', 'panel', 'security'];

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Deep copy of JSON-like data. Not `structuredClone`: callers may hand in framework proxies
 * (Vue's reactive objects), which structured cloning rejects.
 */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => clone(v)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

/** JSON Merge Patch (RFC 7396), the semantics a REST PATCH would have: objects merge, `null` deletes. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) Reflect.deleteProperty(out, k);
    else if (v !== undefined) out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** "Not filled in": a changed filled-in profile value needs a confirmation ticket, a new one does not. */
export function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) return Object.values(v).every(isBlank);
  return false;
}

export interface StoreOptions {
  /** Clock for new records (tickets, keys, exports). Default: {@link SAMPLE_NOW}, one second on per read. */
  now?: () => Date;
}

export class AccountStore {
  /** The live state, secrets included. Only the adapter touches it; callers get copies. */
  readonly account: SampleAccount;
  #versions = new Map<Domain, string>();
  #seq = 0;
  #ids = new Map<string, number>();
  #idempotent = new Map<string, unknown>();
  #now: () => Date;
  #random = 0x5eed;

  constructor(seed: SampleAccount, options: StoreOptions = {}) {
    this.account = clone(seed);
    for (const d of DOMAINS) this.bump(d);
    let tick = 0;
    this.#now = options.now ?? (() => new Date(Date.parse(SAMPLE_NOW) + 1000 * tick++));
  }

  /** Current time as an ISO string, `offsetMs` from now. */
  now(offsetMs = 0): string {
    return new Date(this.#now().getTime() + offsetMs).toISOString();
  }

  version(domain: Domain): string {
    return this.#versions.get(domain) ?? '';
  }

  /** Versions are opaque to callers; a global sequence makes each one unique, never reused. */
  bump(domain: Domain): string {
    const v = `W/"${domain}-${(++this.#seq).toString(36)}"`;
    this.#versions.set(domain, v);
    return v;
  }

  /** A copy of the domain's data as clients see it, with its version. */
  read<D extends Domain>(domain: D): Versioned<DomainData[D]> {
    const a = this.account;
    const data: DomainData = {
      profile: a.profile,
      notifications: a.notifications,
      billing: a.billing,
      panel: a.panel,
      // The password policy follows the NIST rule the design names: 15 code points, 8 with 2FA.
      security: { ...a.security, passwordPolicy: { minLength: a.security.twoFactor.enabled ? 8 : 15 } },
    };
    return { data: clone(data[domain]), version: this.version(domain) };
  }

  /** Replaces a domain's data (already validated) and bumps its version. */
  commit<D extends Domain>(domain: D, data: DomainData[D]): Versioned<DomainData[D]> {
    const copy = clone(data);
    if (domain === 'security') {
      // Derived on read, never stored: a client cannot weaken the policy by echoing it back.
      const { twoFactor, codeWordSet, ipRules, showLastIp } = copy as SecuritySettings;
      this.account.security = { twoFactor, codeWordSet, ipRules, showLastIp };
    } else {
      Object.assign(this.account, { [domain]: copy });
    }
    this.bump(domain);
    return this.read(domain);
  }

  /** Next id in a sequence: `nextId('T-', 1001)` -> `T-1001`, `T-1002`, ... */
  nextId(prefix: string, start = 1): string {
    const n = this.#ids.get(prefix) ?? start;
    this.#ids.set(prefix, n + 1);
    return `${prefix}${n}`;
  }

  /** Deterministic hex (xorshift), so generated secrets are stable across runs and stories. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      let x = this.#random;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.#random = x >>> 0;
      out += this.#random.toString(16).padStart(8, '0');
    }
    return out.slice(0, length);
  }

  /** The first result of a write made with this idempotency key, if any. */
  idempotent(method: string, key: string | undefined): { hit: true; value: unknown } | { hit: false } {
    if (key === undefined) return { hit: false };
    const k = `${method}\u0000${key}`;
    return this.#idempotent.has(k) ? { hit: true, value: clone(this.#idempotent.get(k)) } : { hit: false };
  }

  remember(method: string, key: string | undefined, value: unknown): void {
    if (key !== undefined) this.#idempotent.set(`${method}\u0000${key}`, clone(value));
  }
}
