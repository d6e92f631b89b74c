/**
 * `createMemoryAdapter()`: the whole adapter contract over one sample account held in memory,
 * with the behaviour of a real backend (versions, conflicts, validation, idempotency, secrets
 * that never come back) plus latency and fault injection for stories and tests.
 */
import {
  AdapterError,
  isEmail,
  BillingSettings,
  checkProfileChange,
  defaultProfilePolicy,
  ProfilePolicy,
  validateProfile,
  type ProfilePolicyInput,
  NotificationSettings,
  PanelSettings,
  Profile,
  SecuritySettings,
  type AccountAdapter,
  type AccountUser,
  type AdapterErrorCode,
  type EmailStatus,
  type Role,
  type Ticket,
  type Updated,
  type Versioned,
  type WriteOptions,
} from '@acct/core';
import { DEMO_CREDENTIALS, SAMPLE_ACCOUNTS, type SampleAccount, type SampleAccountId } from './accounts.js';
import {
  abortError,
  corrupt,
  delay,
  FaultQueue,
  hang,
  redactArgs,
  type FailOptions,
  type MethodFilter,
  type ReauthOptions,
} from './faults.js';
import {
  AccountStore,
  clone,
  deepEqual,
  isBlank,
  isPlainObject,
  mergePatch,
  type DeepPartial,
  type Domain,
  type DomainData,
} from './store.js';

export interface MemoryAdapterOptions {
  /** Which seeded account to start from (default `'billing-individual'`). */
  account?: SampleAccountId;
  /** Milliseconds every call waits before answering (default 0). Also `control.latency`. */
  latency?: number;
  /** Overrides merged into the seed (objects merge, arrays replace, `null` deletes). */
  data?: DeepPartial<SampleAccount>;
  /** Languages `panel.update` accepts (default `['en', 'ru']`). */
  supportedLanguages?: string[];
  /**
   * The profile policy `profile.get` returns and `profile.update` enforces. Default: core's
   * default policy for the account type and residency (the billing panel's for `billing-*`).
   */
  policy?: ProfilePolicyInput;
  /** Clock for records the adapter creates. Default: the sample data's fixed "now", so output is deterministic. */
  now?: () => Date;
}

/** One logged call: the method name and its arguments with secrets replaced by `'[redacted]'`. */
export interface CallRecord {
  method: string;
  args: unknown[];
}

/** A ticket the adapter created (by `tickets.create` or a confirmed profile change). */
export interface CreatedTicket extends Ticket {
  subject: string;
  body: string;
  createdAt: string;
}

/** Everything the account holds except secrets, for assertions and story panels. */
export type MemorySnapshot = Omit<SampleAccount, 'secrets'> & { tickets: CreatedTicket[] };

/** Handles for stories and tests: timing, fault injection, outside changes and the call log. */
export interface MemoryControl {
  /** Milliseconds every call waits before answering; settable at any time. Aborting cuts the wait short. */
  latency: number;
  /**
   * The next matching call (or `times` calls) rejects with `new AdapterError(code, ...)` after the
   * latency, without touching data. `method`: `'panel.update'`, `'panel.*'` or omitted for any call.
   */
  failNext(code: AdapterErrorCode, opts?: FailOptions): void;
  /**
   * The next matching `<domain>.update` behaves as if another tab saved first: the stored data
   * changes to a plausible other value, its version bumps, and the call rejects with `conflict`
   * carrying `current: { data, version }`. Reads never consume it.
   */
  conflictNext(opts?: MethodFilter): void;
  /**
   * The next matching call resolves (after doing its work) with a payload of the wrong shape:
   * types swapped throughout, or an HTML error page where nothing was expected. Elements must
   * turn it into `invalid_response` themselves.
   */
  malformedNext(opts?: MethodFilter): void;
  /** The next matching call never settles; only aborting its signal ends it (with an AbortError). */
  hangNext(opts?: MethodFilter): void;
  /**
   * Matching calls reject with `reauth_required` until `viewer.reauthenticate()` succeeds with the
   * password or the code `'123456'` (or `times` calls have been refused). Without `method` it
   * applies to every write; `viewer.reauthenticate` itself is never blocked.
   */
  requireReauth(opts?: ReauthOptions): void;
  /**
   * A change made on another device: merged into the domain (validated like any write, but
   * server-managed fields such as `security.twoFactor` may change too), version bumped.
   */
  externalUpdate<D extends Domain>(domain: D, patch: DeepPartial<DomainData[D]>): Versioned<DomainData[D]>;
  /** Every call so far, oldest first, secrets redacted and the options bag's `signal` left out. */
  readonly calls: CallRecord[];
  /** A copy of the account's state without secrets (what a database viewer would show). */
  snapshot(): MemorySnapshot;
  /** Clears armed faults and the call log. Data, versions and the latency stay. */
  reset(): void;
}

export type MemoryAdapter = Required<AccountAdapter> & { control: MemoryControl };

const SCHEMAS = {
  profile: Profile,
  notifications: NotificationSettings,
  billing: BillingSettings,
  panel: PanelSettings,
  security: SecuritySettings,
} satisfies Record<Domain, unknown>;

type FieldErrors = Record<string, string>;
type Draft = Record<string, unknown>;

/** Security fields that change only through their own calls (`setCodeWord`, two-factor). */
const SECURITY_MANAGED = ['codeWordSet', 'twoFactor', 'passwordPolicy'];

const ROLES: readonly Role[] = ['owner', 'admin', 'user'];
const ISSUER = 'Example Billing';
const BASE_URL = 'https://billing.example.com';

function invalid(fieldErrors: FieldErrors): AdapterError {
  return new AdapterError('validation', { fieldErrors });
}

function check(errors: FieldErrors): void {
  if (Object.keys(errors).length) throw invalid(errors);
}

/** Field path -> zod issue code (`too_small`, `invalid_type`, ...), the stable reasons elements translate. */
function schemaErrors(domain: Domain, value: unknown, patch: unknown): FieldErrors {
  const errors: FieldErrors = {};
  const result = SCHEMAS[domain].safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) errors[issue.path.join('.') || '(root)'] ??= issue.code;
  } else {
    unknownFields(patch, result.data, '', errors);
  }
  return errors;
}

/** zod drops keys it does not know; a backend should say so instead of silently ignoring them. */
function unknownFields(patch: unknown, parsed: unknown, prefix: string, out: FieldErrors): void {
  if (!isPlainObject(patch) || !isPlainObject(parsed)) return;
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (!(k in parsed)) out[path] = 'unknown_field';
    else unknownFields(v, parsed[k], path, out);
  }
}

function normalisePhone(phone: string): string | undefined {
  const compact = phone.replace(/[\s()-]/g, '');
  return /^\+?\d{7,15}$/.test(compact) ? (compact.startsWith('+') ? compact : `+${compact}`) : undefined;
}

/** What "another tab" changes in a conflict: a small, believable edit per domain. */
function otherTabEdit(domain: Domain, data: Draft): Draft {
  switch (domain) {
    case 'panel':
      return { theme: data.theme === 'auto' ? 'light' : 'auto' };
    case 'notifications':
      return { newsletter: !data.newsletter };
    case 'billing':
      return { autoRenew: !data.autoRenew };
    case 'security':
      return { showLastIp: !data.showLastIp };
    case 'profile': {
      const phone = typeof data.phone === 'string' && data.phone ? data.phone : '+10000000000';
      const last = Number(phone.slice(-1));
      return { phone: phone.slice(0, -1) + String((Number.isNaN(last) ? 0 : last + 1) % 10) };
    }
  }
}

/** Wrong codes a phone check accepts before a new code is needed. */
const PHONE_ATTEMPTS = 5;

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const seed = SAMPLE_ACCOUNTS[options.account ?? 'billing-individual'];
  const store = new AccountStore(mergePatch(seed, options.data ?? {}) as SampleAccount, { now: options.now });
  const account = store.account;
  const languages = options.supportedLanguages ?? ['en', 'ru'];
  const faults = new FaultQueue();
  const calls: CallRecord[] = [];
  const tickets: CreatedTicket[] = [];
  // Secrets and half-finished flows that only ever live in this closure.
  const phoneChecks = new Map<string, { phone: string; method: 'sms' | 'call'; wrong: number }>();
  let totpEnrolment: string | undefined;
  let recoveryCodes: string[] = [];
  let latency = options.latency ?? 0;

  /**
   * The pipeline every method goes through, in the order a network and a server impose: log,
   * wait (abortable), injected faults, idempotency replay, the operation, a private copy out.
   */
  async function call<T>(
    method: string,
    args: unknown[],
    o: WriteOptions | undefined,
    op: () => T,
    kind: { write?: boolean; domain?: Domain } = {},
  ): Promise<T> {
    const { signal, ...bag } = o ?? {};
    const logged = Object.keys(bag).length ? [...args, bag] : [...args];
    while (logged.length && logged[logged.length - 1] === undefined) logged.pop();
    calls.push({ method, args: redactArgs(method, logged) });

    await delay(latency, signal);
    const fault = faults.take({ method, write: Boolean(kind.write), versioned: kind.domain !== undefined });
    switch (fault?.kind) {
      case 'hang':
        return hang(signal);
      case 'fail': {
        const { fieldErrors, retryAfter, message } = fault.options;
        throw new AdapterError(fault.code, { fieldErrors, retryAfter, message });
      }
      case 'reauth':
        throw new AdapterError('reauth_required');
      case 'conflict':
        if (kind.domain) throw new AdapterError('conflict', { current: editFromOtherTab(kind.domain) });
    }
    if (signal?.aborted) throw abortError();

    const key = kind.write ? o?.idempotencyKey : undefined;
    const replay = store.idempotent(method, key);
    let result: T;
    if (replay.hit) {
      result = replay.value as T;
    } else {
      result = op();
      store.remember(method, key, result);
    }
    // A malformed payload is a lie about T by design: that is what the fault simulates.
    return fault?.kind === 'malformed' ? (corrupt(result) as T) : clone(result);
  }

  const read = <T>(method: string, args: unknown[], o: WriteOptions | undefined, op: () => T) => call(method, args, o, op);
  const write = <T>(method: string, args: unknown[], o: WriteOptions | undefined, op: () => T) =>
    call(method, args, o, op, { write: true });

  function editFromOtherTab<D extends Domain>(domain: D): Versioned<DomainData[D]> {
    const { data } = store.read(domain);
    return store.commit(domain, mergePatch(data, otherTabEdit(domain, data as Draft)) as DomainData[D]);
  }

  function ifMatch(domain: Domain, o: WriteOptions | undefined): void {
    if (o?.ifMatch !== undefined && o.ifMatch !== store.version(domain)) {
      throw new AdapterError('conflict', { current: store.read(domain) });
    }
  }

  /** Domain rules beyond the schema: they add field errors for a draft (the patched data). */
  type Rules = (draft: Draft, current: Draft, patch: Draft, errors: FieldErrors) => void;
  /** Runs after a save; may answer with a confirmation ticket. */
  type AfterSave = (before: Draft, after: Draft, patch: Draft) => Ticket | undefined;

  /** `get` and `update` of a versioned domain: check ifMatch, merge-patch, validate the result, store it. */
  function settings<D extends Domain>(domain: D, rules?: Rules, afterSave?: AfterSave) {
    return {
      get: (o?: WriteOptions) => read(`${domain}.get`, [], o, () => store.read(domain)),
      update: (patch: Partial<DomainData[D]>, o?: WriteOptions): Promise<Updated<DomainData[D]>> => {
        const op = (): Updated<DomainData[D]> => {
          ifMatch(domain, o);
          const current = store.read(domain).data as Draft;
          const draft = mergePatch(current, patch) as Draft;
          const errors: FieldErrors = {};
          if (isPlainObject(patch)) rules?.(draft, current, patch, errors);
          check({ ...schemaErrors(domain, draft, patch), ...errors });
          const saved = store.commit(domain, draft as DomainData[D]);
          const ticket = isPlainObject(patch) ? afterSave?.(current, saved.data as Draft, patch) : undefined;
          return ticket ? { ...saved, ticket } : saved;
        };
        return call(`${domain}.update`, [patch], o, op, { write: true, domain });
      },
    };
  }

  /** Fields that differ from the stored value are refused; an echo of the stored value is ignored. */
  function locked(keys: string[], draft: Draft, current: Draft, errors: FieldErrors, unlessBlank = false): void {
    for (const k of keys) {
      if (deepEqual(draft[k], current[k]) || (unlessBlank && isBlank(current[k]))) continue;
      errors[k] = 'read_only';
    }
  }

  function createTicket(subject: string, body: string): Ticket {
    const id = store.nextId('T-', 1001);
    const ticket = { id, url: `${BASE_URL}/tickets/${id}` };
    tickets.push({ ...ticket, subject, body, createdAt: store.now() });
    return ticket;
  }

  function emailStatus(): EmailStatus {
    const { confirmed, pending } = account.email;
    return { email: String(account.profile.email ?? ''), confirmed, ...(pending ? { pending } : {}) };
  }

  function findUser(id: string): AccountUser {
    const user = account.users.find((u) => u.id === id);
    if (!user) throw new AdapterError('not_found');
    return user;
  }

  function verifySecondFactor(code: string): boolean {
    const i = recoveryCodes.indexOf(code);
    if (i >= 0) recoveryCodes.splice(i, 1); // recovery codes work once
    return code === DEMO_CREDENTIALS.totpCode || i >= 0;
  }

  function setSecurity(patch: Partial<SecuritySettings>): void {
    store.commit('security', { ...store.read('security').data, ...patch });
  }

  /** The policy in force: the host's, else core's default for the stored account type. */
  function profilePolicy(): ProfilePolicy {
    if (options.policy) return ProfilePolicy.parse(options.policy);
    const { accountType, residency } = store.read('profile').data;
    return defaultProfilePolicy(accountType, residency, (options.account ?? 'billing-individual').startsWith('billing-') ? 'billing' : 'control');
  }

  // The policy is enforced as a server would: read-only fields refuse changes, the rest is validated
  // with core's rules, and a change of filled `confirm` data answers with a ticket (document 002).
  const profileSettings = settings(
    'profile',
    (draft, current, _patch, errors) => {
      const policy = profilePolicy();
      const role = account.viewer.role;
      Object.assign(errors, validateProfile(draft, policy, { role, today: store.now().slice(0, 10), saved: current }));
      Object.assign(errors, checkProfileChange(current, draft, policy, role).errors);
      // Only a confirmed SMS or call verifies a phone; a changed number is unverified again.
      locked(['phoneVerified'], draft, current, errors);
      if (draft.phone !== current.phone) draft.phoneVerified = false;
    },
    (before, after) => {
      const { confirm } = checkProfileChange(before, after, profilePolicy(), account.viewer.role);
      return confirm.length ? createTicket('Profile change', `Please confirm the changed fields: ${confirm.join(', ')}`) : undefined;
    },
  );

  const control: MemoryControl = {
    get latency() {
      return latency;
    },
    set latency(ms: number) {
      latency = Math.max(0, ms);
    },
    failNext(code, opts = {}) {
      faults.add({ kind: 'fail', method: opts.method, times: opts.times ?? 1, code, options: opts });
    },
    conflictNext(opts = {}) {
      faults.add({ kind: 'conflict', method: opts.method, times: 1 });
    },
    malformedNext(opts = {}) {
      faults.add({ kind: 'malformed', method: opts.method, times: 1 });
    },
    hangNext(opts = {}) {
      faults.add({ kind: 'hang', method: opts.method, times: 1 });
    },
    requireReauth(opts = {}) {
      faults.add({ kind: 'reauth', method: opts.method, times: opts.times ?? Infinity });
    },
    externalUpdate(domain, patch) {
      const draft = mergePatch(store.read(domain).data, patch);
      check(schemaErrors(domain, draft, patch));
      return store.commit(domain, draft as DomainData[typeof domain]);
    },
    calls,
    snapshot() {
      const state: Partial<SampleAccount> = clone(account);
      delete state.secrets;
      return { ...(state as Omit<SampleAccount, 'secrets'>), tickets: clone(tickets) };
    },
    reset() {
      faults.clear();
      calls.length = 0;
    },
  };

  return {
    control,

    viewer: {
      get: (o) => read('viewer.get', [], o, () => account.viewer),
      reauthenticate: (input, o) =>
        write('viewer.reauthenticate', [input], o, () => {
          if ('password' in input) {
            if (input.password !== account.secrets.password) throw invalid({ password: 'wrong_password' });
          } else if (!verifySecondFactor(input.code)) {
            throw invalid({ code: 'wrong_code' });
          }
          faults.clearReauth();
        }),
    },

    profile: {
      ...profileSettings,
      get: (o) => read('profile.get', [], o, () => ({ ...store.read('profile'), policy: profilePolicy() })),
    },

    contacts: {
      emailStatus: (o) => read('contacts.emailStatus', [], o, emailStatus),
      requestEmailChange: (email, o) =>
        write('contacts.requestEmailChange', [email], o, () => {
          const next = email.trim();
          if (!isEmail(next)) throw invalid({ email: 'invalid_format' });
          if (next.toLowerCase() === String(account.profile.email ?? '').toLowerCase()) throw invalid({ email: 'unchanged' });
          account.email.pending = next;
          return emailStatus();
        }),
      resendEmailConfirmation: (o) =>
        write('contacts.resendEmailConfirmation', [], o, () => {
          if (account.email.confirmed && !account.email.pending) throw invalid({ email: 'already_confirmed' });
        }),
      startPhoneVerification: (phone, opts, o) =>
        write('contacts.startPhoneVerification', [phone, opts], o, () => {
          const normalised = normalisePhone(phone);
          if (!normalised) throw invalid({ phone: 'invalid_format' });
          if (opts.method !== 'sms' && opts.method !== 'call') throw invalid({ method: 'invalid_value' });
          const id = store.nextId('pv-');
          phoneChecks.set(id, { phone: normalised, method: opts.method, wrong: 0 });
          // A call is answered with the last 4 digits of the caller's number.
          return { id, method: opts.method, codeLength: opts.method === 'sms' ? 6 : 4, resendAfter: 60, attempts: PHONE_ATTEMPTS };
        }),
      confirmPhoneVerification: (id, code, o) =>
        write('contacts.confirmPhoneVerification', [id, code], o, () => {
          const pending = phoneChecks.get(id);
          if (!pending) throw new AdapterError('not_found');
          const expected = pending.method === 'sms' ? DEMO_CREDENTIALS.smsCode : DEMO_CREDENTIALS.callCode;
          if (code.trim() !== expected) {
            // Like a real gateway: a few tries per code, then a new code is needed.
            if (++pending.wrong >= PHONE_ATTEMPTS) {
              phoneChecks.delete(id);
              throw new AdapterError('rate_limited', { retryAfter: 60, message: 'Too many wrong codes' });
            }
            throw invalid({ code: 'wrong_code' });
          }
          phoneChecks.delete(id);
          if (account.profile.phone !== pending.phone || account.profile.phoneVerified !== true) {
            store.commit('profile', { ...account.profile, phone: pending.phone, phoneVerified: true });
          }
        }),
    },

    notifications: settings('notifications'),

    billing: {
      ...settings('billing', (draft, current, _patch, errors) => {
        // The saved currency stays valid after the list stops offering it (the reference server agrees).
        if (draft.currency !== current.currency && !account.currencies.includes(String(draft.currency))) errors.currency = 'unsupported';
      }),
      currencies: (o) => read('billing.currencies', [], o, () => account.currencies),
    },

    panel: {
      ...settings('panel', (draft, _current, patch, errors) => {
        if ('language' in patch && !languages.includes(String(draft.language))) errors.language = 'unsupported';
      }),
      resetUserSettings: (o) =>
        write('panel.resetUserSettings', [], o, () => {
          account.userSettings = { savedFilters: 0, orderForms: 0 };
        }),
    },

    security: {
      ...settings('security', (draft, current, _patch, errors) => locked(SECURITY_MANAGED, draft, current, errors)),
      changePassword: (input, o) =>
        write('security.changePassword', [input], o, () => {
          if (input.current !== account.secrets.password) throw invalid({ current: 'wrong_password' });
          const min = store.read('security').data.passwordPolicy?.minLength ?? 15;
          // Code points, not UTF-16 units: NIST counts characters as the user sees them.
          if ([...input.next].length < min) throw invalid({ next: 'too_short' });
          if (input.next === input.current) throw invalid({ next: 'same_as_current' });
          account.secrets.password = input.next;
        }),
      setCodeWord: (word, o) =>
        write('security.setCodeWord', [word], o, () => {
          if (account.security.codeWordSet) throw new AdapterError('forbidden', { message: 'The code word is already set' });
          if (word.trim().length < 3) throw invalid({ codeWord: 'too_short' });
          account.secrets.codeWord = word.trim();
          setSecurity({ codeWordSet: true });
        }),
      startTwoFactor: (o) =>
        write('security.startTwoFactor', [], o, () => {
          if (account.security.twoFactor.enabled) throw new AdapterError('forbidden', { message: 'Two-factor is already on' });
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
          const secret = [...store.hex(32)].map((c, i) => alphabet[(parseInt(c, 16) + i) % 32]).join('');
          totpEnrolment = secret;
          const label = encodeURIComponent(`${ISSUER}:${account.viewer.username}`);
          return { secret, otpauthUri: `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}` };
        }),
      confirmTwoFactor: (code, o) =>
        write('security.confirmTwoFactor', [code], o, () => {
          if (!totpEnrolment) throw invalid({ code: 'not_started' });
          if (code.trim() !== DEMO_CREDENTIALS.totpCode) throw invalid({ code: 'wrong_code' });
          totpEnrolment = undefined;
          recoveryCodes = Array.from({ length: 10 }, () => store.hex(8).replace(/^(.{4})/, '$1-'));
          setSecurity({ twoFactor: { enabled: true } });
          return { recoveryCodes: [...recoveryCodes] };
        }),
      disableTwoFactor: (code, o) =>
        write('security.disableTwoFactor', [code], o, () => {
          if (!account.security.twoFactor.enabled) throw new AdapterError('forbidden', { message: 'Two-factor is off' });
          if (!verifySecondFactor(code.trim())) throw invalid({ code: 'wrong_code' });
          recoveryCodes = [];
          setSecurity({ twoFactor: { enabled: false } });
        }),
    },

    loginHistory: {
      list: (query, o) =>
        read('loginHistory.list', [query], o, () => {
          const limit = query?.limit ?? 20;
          if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalid({ limit: 'out_of_range' });
          // Opaque to callers; an offset is enough for a list that only grows at the front.
          const cursor = query?.cursor === undefined ? 'c0' : query.cursor;
          const match = /^c(\d+)$/.exec(cursor);
          if (!match) throw invalid({ cursor: 'invalid' });
          const start = Number(match[1]);
          const items = account.loginHistory.slice(start, start + limit);
          const end = start + items.length;
          return end < account.loginHistory.length ? { items, nextCursor: `c${end}` } : { items };
        }),
    },

    sessions: {
      list: (o) => read('sessions.list', [], o, () => account.sessions),
      revoke: (id, o) =>
        write('sessions.revoke', [id], o, () => {
          const session = account.sessions.find((s) => s.id === id);
          if (!session) throw new AdapterError('not_found');
          if (session.current) throw new AdapterError('forbidden', { message: 'Sign out to end the current session' });
          account.sessions = account.sessions.filter((s) => s.id !== id);
        }),
    },

    apiKeys: {
      // Metadata only: secrets stay in `account.secrets.apiKeys`.
      list: (o) => read('apiKeys.list', [], o, () => account.apiKeys),
      create: (input, o) =>
        write('apiKeys.create', [input], o, () => {
          const name = input.name.trim();
          const errors: FieldErrors = {};
          if (!name) errors.name = 'required';
          else if (name.length > 64) errors.name = 'too_long';
          if (input.expiresAt !== undefined) {
            const t = Date.parse(input.expiresAt);
            if (Number.isNaN(t)) errors.expiresAt = 'invalid_format';
            else if (t <= Date.parse(store.now())) errors.expiresAt = 'in_past';
          }
          check(errors);
          const prefix = `ak_${store.hex(4)}`;
          const secret = `${prefix}.${store.hex(20)}`;
          const key = {
            id: store.nextId('key-', account.apiKeys.length + 1),
            name,
            prefix,
            createdAt: store.now(),
            ...(input.expiresAt ? { expiresAt: new Date(input.expiresAt).toISOString() } : {}),
          };
          account.apiKeys.push(key);
          account.secrets.apiKeys[key.id] = secret;
          return { key, secret };
        }),
      revoke: (id, o) =>
        write('apiKeys.revoke', [id], o, () => {
          if (!account.apiKeys.some((k) => k.id === id)) throw new AdapterError('not_found');
          account.apiKeys = account.apiKeys.filter((k) => k.id !== id);
          Reflect.deleteProperty(account.secrets.apiKeys, id);
        }),
    },

    users: {
      list: (o) => read('users.list', [], o, () => account.users),
      invite: (input, o) =>
        write('users.invite', [input], o, () => {
          const email = input.email.trim();
          const errors: FieldErrors = {};
          if (!isEmail(email)) errors.email = 'invalid_format';
          else if (account.users.some((u) => u.email.toLowerCase() === email.toLowerCase())) errors.email = 'already_member';
          // There is one owner; ownership is not handed out by invitation.
          if (input.role !== 'admin' && input.role !== 'user') errors.role = 'invalid_value';
          check(errors);
          const user: AccountUser = { id: store.nextId('usr-', account.users.length + 1), email, role: input.role, status: 'invited' };
          account.users.push(user);
          return user;
        }),
      updateRole: (id, role, o) =>
        write('users.updateRole', [id, role], o, () => {
          const user = findUser(id);
          if (!ROLES.includes(role)) throw invalid({ role: 'invalid_value' });
          if (user.role === 'owner' || role === 'owner') throw new AdapterError('forbidden', { message: 'Ownership cannot change here' });
          user.role = role;
          return user;
        }),
      remove: (id, o) =>
        write('users.remove', [id], o, () => {
          if (findUser(id).role === 'owner') throw new AdapterError('forbidden', { message: 'The owner cannot be removed' });
          account.users = account.users.filter((u) => u.id !== id);
        }),
    },

    privacy: {
      get: (o) => read('privacy.get', [], o, () => account.privacy),
      requestExport: (o) =>
        write('privacy.requestExport', [], o, () => {
          account.privacy.exports.unshift({ id: store.nextId('exp-', account.privacy.exports.length + 1), status: 'pending', requestedAt: store.now() });
          return account.privacy;
        }),
      requestDeletion: (input, o) =>
        write('privacy.requestDeletion', [input], o, () => {
          // Typing the username is the "strong confirmation" the design asks for.
          if (input.confirmation.trim() !== account.viewer.username) throw invalid({ confirmation: 'mismatch' });
          if (account.privacy.deletion?.status !== 'scheduled') {
            account.privacy.deletion = { status: 'scheduled', at: store.now(30 * 86_400_000) };
          }
          return account.privacy;
        }),
    },

    tickets: {
      create: (input, o) =>
        write('tickets.create', [input], o, () => {
          const errors: FieldErrors = {};
          if (!input.subject.trim()) errors.subject = 'required';
          if (!input.body.trim()) errors.body = 'required';
          check(errors);
          return createTicket(input.subject.trim(), input.body.trim());
        }),
    },

    balance: {
      get: (o) =>
        read('balance.get', [], o, () => ({
          ...account.balance,
          lowBalance: account.balance.amount < account.notifications.lowBalance.threshold,
        })),
    },

    referral: {
      get: (o) => read('referral.get', [], o, () => account.referral),
      requestParticipation: (o) =>
        write('referral.requestParticipation', [], o, () => {
          if (account.referral.status === 'none') account.referral = { status: 'requested' };
          return account.referral;
        }),
    },
  };
}
