/**
 * The reference backend of the acct-widgets HTTP API (packages/adapter-rest/openapi.yaml):
 * node:http over SQLite. It validates with the core schemas and enforces by itself what the
 * elements forbid: profile policies, the write-once code word, IP restrictions, fresh
 * authentication for sensitive changes, rate limits.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import {
  BillingSettings,
  isEmail,
  NotificationSettings,
  PanelSettings,
  Profile,
  SecuritySettings,
  checkProfileChange,
  defaultProfilePolicy,
  ipRulesAllow,
  normaliseIp,
  parseIpRules,
  passwordMinLength,
  validatePassword,
  validateProfile,
  type AccountType,
  type ProfilePolicy,
  type Residency,
  type Role,
  type Schema,
} from '@acct/core';
import type { SqlValue } from 'sql.js';
import { Store, type Row } from './db.js';
import { seed } from './seed.js';
import { base32, digits, hashSecret, sha256, token, verifySecret, verifyTotp } from './secrets.js';

export interface ServerOptions {
  /** SQLite file; created and migrated on start. Omit for an in-memory database (tests). */
  dbFile?: string | undefined;
  /** Trust `X-Forwarded-For` for the client address (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Production mode: no development outbox, secure cookies. */
  production?: boolean;
  /** Serve the demo billing page and dist/ from this project root. */
  staticRoot?: string | undefined;
  /** Seconds a sign-in counts as fresh for sensitive changes. Default 600. */
  reauthWindow?: number;
}

type Json = unknown;
type FieldErrors = Record<string, string>;

/** An answer the router turns into `{ code, message, fieldErrors?, retryAfter?, current? }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { fieldErrors?: FieldErrors; retryAfter?: number; current?: Json } = {},
  ) {
    super(message);
  }
}

/**
 * Without a prototype: a field named `__proto__` becomes a key like any other, where on a plain
 * object the assignment would be swallowed and the error lost.
 */
const fieldErrors = (): FieldErrors => Object.create(null) as FieldErrors;

const invalid = (fieldErrors: FieldErrors) => new HttpError(422, 'validation', 'Some fields are not valid', { fieldErrors });
const notFound = () => new HttpError(404, 'not_found', 'Not found');
const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

interface Ctx {
  req: IncomingMessage;
  ip: string;
  params: string[];
  query: URLSearchParams;
  body: Json;
  account: Row;
  session: Row;
  ifMatch: string | undefined;
}

/** Marks a handler's answer as a full reply, so bodies with a `status` field are not mistaken for one. */
const REPLY = Symbol('reply');

interface Reply {
  [REPLY]: true;
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

type Handler = (ctx: Ctx) => Reply | Json | undefined;

function reply(status: number, body?: Json, headers?: Record<string, string>): Reply {
  return { [REPLY]: true, status, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) };
}

/** Fails after committing the handler's writes (a counted wrong code, a logged failed sign-in). */
const FAILED = -1;
function failAfterCommit(e: HttpError): Reply {
  return reply(FAILED, e);
}

function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && REPLY in v;
}

const SETTINGS: Record<string, Schema<Record<string, unknown>>> = {
  notifications: NotificationSettings as Schema<Record<string, unknown>>,
  billing: BillingSettings as Schema<Record<string, unknown>>,
  panel: PanelSettings as Schema<Record<string, unknown>>,
  security: SecuritySettings as Schema<Record<string, unknown>>,
  profile: Profile as Schema<Record<string, unknown>>,
};

const SUPPORTED_LANGUAGES = ['en', 'ru'];
const PHONE_ATTEMPTS = 5;
const PHONE_TTL = 10 * 60;
const PHONE_RESEND = 60;
const ISSUER = 'Example Hosting';
const COOKIE = 'acct_session';
const BODY_LIMIT = 1_000_000;
const DRAIN_LIMIT = 16_000_000;
const IDEMPOTENCY_KEY_MAX = 200;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property of `o` (never an inherited one such as `constructor` or `toString`). */
function own(o: Record<string, unknown>, k: string): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

/** RFC 7386 JSON merge patch: objects merge, `null` removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) Reflect.deleteProperty(out, k);
    // Defined, not assigned: a `__proto__` key stays a plain (unknown) field instead of
    // replacing the draft's prototype and lending it inherited values.
    else Object.defineProperty(out, k, { value: mergePatch(own(out, k), v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field path -> zod issue code, plus keys the schema does not know. */
function schemaErrors(schema: Schema<Record<string, unknown>>, value: unknown, patch: unknown): FieldErrors {
  const errors = fieldErrors();
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) errors[issue.path.join('.') || '(root)'] ??= issue.code;
    return errors;
  }
  const walk = (p: unknown, parsed: unknown, prefix: string) => {
    if (!isPlainObject(p) || !isPlainObject(parsed)) return;
    for (const [k, v] of Object.entries(p)) {
      if (v === null) continue;
      const path = prefix ? `${prefix}.${k}` : k;
      // Own properties only (`'toString' in {}` is true). A loose schema (the profile) keeps
      // unknown keys, so names of Object.prototype are refused by name: no field is called that.
      if (!Object.hasOwn(parsed, k) || k in Object.prototype) errors[path] = 'unknown_field';
      else walk(v, parsed[k], path);
    }
  };
  walk(patch, result.data, '');
  return errors;
}

function str(body: Json, key: string, errors: FieldErrors, { required = true, max = 1000 } = {}): string {
  const v = isPlainObject(body) ? own(body, key) : undefined;
  if (v === undefined || v === null || v === '') {
    if (required) errors[key] = 'required';
    return '';
  }
  if (typeof v !== 'string') errors[key] = 'invalid_type';
  else if (v.length > max) errors[key] = 'too_long';
  return typeof v === 'string' ? v : '';
}

/**
 * Request bodies are strict, as a zod strictObject: a JSON object with only the fields the route
 * reads (or no body at all). A field it does not know is refused, not silently ignored.
 */
function strictBody(body: Json, fields: readonly string[]): void {
  if (body === undefined) return;
  if (!isPlainObject(body)) throw invalid({ '(root)': 'invalid_type' });
  const errors = fieldErrors();
  // Object.keys lists own keys only, so `__proto__` or `constructor` sent as a field is named here.
  for (const key of Object.keys(body)) if (!fields.includes(key)) errors[key] = 'unknown_field';
  check(errors);
}

/** Deeper JSON is refused before parsing: no form of this API nests more than a few levels. */
const MAX_JSON_DEPTH = 32;

/** Whether `text` nests arrays and objects deeper than `max`; brackets inside strings do not count. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function check(errors: FieldErrors): void {
  if (Object.keys(errors).length) throw invalid(errors);
}

/**
 * `name=value; ...` with values percent-decoded (and unquoted). A value that does not decode is
 * left out, as if not sent, rather than failing the request; of two cookies with one name the
 * first counts (the browser sends the most specific path first).
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    let raw = part.slice(i + 1).trim();
    if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) raw = raw.slice(1, -1);
    if (!name || out.has(name)) continue;
    try {
      out.set(name, decodeURIComponent(raw));
    } catch {
      // Malformed percent-encoding (`%E0%A4%A`): treated as absent.
    }
  }
  return out;
}

/** `"v3"`, `W/"v3"` -> `v3`. */
function unquote(etag: string): string {
  return etag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface App {
  store: Store;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): void;
}

export async function createApp(options: ServerOptions = {}): Promise<App> {
  const store = await Store.open(options.dbFile);
  if (store.fresh) store.transaction(() => seed(store));
  const reauthWindow = (options.reauthWindow ?? 600) * 1000;
  const now = () => new Date();
  const iso = () => now().toISOString();

  // ---- resources: JSON documents with a version counter (the ETag) ----

  function readRes(accountId: string, name: string): { data: Record<string, unknown>; version: string } {
    const row = store.get('SELECT data, version FROM resources WHERE account_id = ? AND name = ?', [accountId, name]);
    if (!row) throw notFound();
    return { data: JSON.parse(String(row.data)) as Record<string, unknown>, version: `v${String(row.version)}` };
  }

  function writeRes(accountId: string, name: string, data: unknown): { data: Record<string, unknown>; version: string } {
    store.run('UPDATE resources SET data = ?, version = version + 1 WHERE account_id = ? AND name = ?', [JSON.stringify(data), accountId, name]);
    return readRes(accountId, name);
  }

  function versioned(v: { data: unknown; version: string }, extra: Record<string, unknown> = {}): Reply {
    return reply(200, { ...v, ...extra }, { etag: `"${v.version}"` });
  }

  // ---- rate limits ----

  // Counted in memory, outside the database transactions: a refused request rolls back its
  // writes but must still count against the limit.
  const events = new Map<string, number[]>();

  /** At most `max` events per `window` seconds for `key`; the event counts only when allowed. */
  function limit(key: string, max: number, window: number, message: string): void {
    const t = now().getTime();
    const recent = (events.get(key) ?? []).filter((at) => at > t - window * 1000);
    if (recent.length >= max) {
      events.set(key, recent);
      const retryAfter = Math.max(1, Math.ceil(((recent[0] ?? t) + window * 1000 - t) / 1000));
      throw new HttpError(429, 'rate_limited', message, { retryAfter });
    }
    recent.push(t);
    events.set(key, recent);
  }

  // ---- authentication ----

  function freshAuth(ctx: Ctx): void {
    if (now().getTime() - Date.parse(String(ctx.session.auth_at)) > reauthWindow) {
      throw new HttpError(403, 'reauth_required', 'Confirm it is you to make this change');
    }
  }

  function verifySecondFactor(account: Row, code: string): boolean {
    if (account.totp_secret && verifyTotp(String(account.totp_secret), code)) return true;
    const hashes = JSON.parse(String(account.recovery_hashes)) as string[];
    const i = hashes.indexOf(sha256(code.trim().toLowerCase()));
    if (i < 0) return false;
    hashes.splice(i, 1); // a recovery code works once
    store.run('UPDATE accounts SET recovery_hashes = ? WHERE id = ?', [JSON.stringify(hashes), String(account.id)]);
    return true;
  }

  function ipAllowed(accountId: string, ip: string): boolean {
    const rules = (readRes(accountId, 'security').data.ipRules as string[] | undefined) ?? [];
    return ipRulesAllow(parseIpRules(rules.join('\n')).rules, ip);
  }

  function createTicket(accountId: string, subject: string, body: string): { id: string } {
    const n = Number(store.get('SELECT COUNT(*) AS n FROM tickets')?.n ?? 0);
    const id = `T-${1001 + n}`;
    store.run('INSERT INTO tickets (id, account_id, subject, body, created_at) VALUES (?, ?, ?, ?, ?)', [id, accountId, subject, body, iso()]);
    return { id };
  }

  function send(accountId: string, channel: 'email' | 'sms' | 'call', recipient: string, text: string): void {
    store.run('INSERT INTO outbox (account_id, channel, recipient, text, created_at) VALUES (?, ?, ?, ?, ?)', [accountId, channel, recipient, text, iso()]);
  }

  function profilePolicy(account: Row, profile: Record<string, unknown>): ProfilePolicy {
    return defaultProfilePolicy(profile.accountType as AccountType | undefined, profile.residency as Residency | undefined, account.panel === 'billing' ? 'billing' : 'control');
  }

  function role(accountId: string): Role {
    return readRes(accountId, 'viewer').data.role as Role;
  }

  /** GET and PATCH of a settings-like resource: If-Match, merge patch, schema, domain rules, save. */
  function settings(
    name: string,
    rules?: (ctx: Ctx, draft: Record<string, unknown>, current: Record<string, unknown>, patch: Record<string, unknown>, errors: FieldErrors) => void,
    afterSave?: (ctx: Ctx, before: Record<string, unknown>, after: Record<string, unknown>) => { id: string } | undefined,
    /** Whether the (valid) change needs a fresh sign-in; asked after validation, so errors come first. */
    sensitive?: (draft: Record<string, unknown>, current: Record<string, unknown>) => boolean,
  ): [Handler, Handler] {
    const schema = SETTINGS[name] as Schema<Record<string, unknown>>;
    const get: Handler = (ctx) => versioned(readRes(String(ctx.account.id), name));
    const patch: Handler = (ctx) => {
      const accountId = String(ctx.account.id);
      const current = readRes(accountId, name);
      if (ctx.ifMatch !== undefined && ctx.ifMatch !== '*' && unquote(ctx.ifMatch) !== current.version) {
        throw new HttpError(412, 'conflict', 'Changed elsewhere since you loaded it', { current });
      }
      if (!isPlainObject(ctx.body)) throw invalid({ '(root)': 'invalid_type' });
      const draft = mergePatch(current.data, ctx.body) as Record<string, unknown>;
      const errors = fieldErrors();
      rules?.(ctx, draft, current.data, ctx.body, errors);
      check({ ...schemaErrors(schema, draft, ctx.body), ...errors });
      if (sensitive?.(draft, current.data)) freshAuth(ctx);
      const saved = writeRes(accountId, name, schema.parse(draft));
      const ticket = afterSave?.(ctx, current.data, saved.data);
      return versioned(saved, ticket ? { ticket } : {});
    };
    return [get, patch];
  }

  /** Every text the patch sets, at any depth (addresses, custom fields), is at most this long. */
  const PROFILE_TEXT_MAX = 500;
  const tooLongTexts = (patch: unknown, prefix: string, errors: FieldErrors) => {
    if (!isPlainObject(patch)) return;
    for (const [k, v] of Object.entries(patch)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string' && [...v].length > PROFILE_TEXT_MAX) errors[path] = 'too_long';
      else tooLongTexts(v, path, errors);
    }
  };

  const locked = (keys: string[], draft: Record<string, unknown>, current: Record<string, unknown>, errors: FieldErrors) => {
    for (const k of keys) if (!deepEqual(draft[k], current[k])) errors[k] = 'read_only';
  };

  const [profileGet, profilePatch] = settings(
    'profile',
    (ctx, draft, current, patch, errors) => {
      const policy = profilePolicy(ctx.account, current);
      const r = role(String(ctx.account.id));
      Object.assign(errors, validateProfile(draft as Profile, policy, { role: r, today: iso().slice(0, 10), saved: current as Profile }));
      Object.assign(errors, checkProfileChange(current as Profile, draft as Profile, policy, r).errors);
      locked(['phoneVerified'], draft, current, errors);
      // The account email changes only through its confirmation flow (POST /contacts/email).
      if (Object.hasOwn(patch, 'email')) errors.email = 'read_only';
      tooLongTexts(patch, '', errors);
      if (draft.phone !== current.phone) draft.phoneVerified = false;
    },
    (ctx, before, after) => {
      const { confirm } = checkProfileChange(before as Profile, after as Profile, profilePolicy(ctx.account, before), role(String(ctx.account.id)));
      return confirm.length ? createTicket(String(ctx.account.id), 'Profile change', `Please confirm the changed fields: ${confirm.join(', ')}`) : undefined;
    },
    // A new phone number is a way into the account (codes, support calls): as sensitive as the email.
    (draft, current) => (draft.phone ?? '') !== (current.phone ?? ''),
  );

  const [notificationsGet, notificationsPatch] = settings('notifications');
  const [billingGet, billingPatch] = settings('billing', (ctx, draft, current, _p, errors) => {
    const currencies = readRes(String(ctx.account.id), 'currencies').data.list as string[];
    // The saved currency stays valid after the list stops offering it, so other fields can be saved.
    if (draft.currency !== current.currency && !currencies.includes(String(draft.currency))) errors.currency = 'unsupported';
  });
  const [panelGet, panelPatch] = settings('panel', (_ctx, draft, _c, patch, errors) => {
    if (Object.hasOwn(patch, 'language') && !SUPPORTED_LANGUAGES.includes(String(draft.language))) errors.language = 'unsupported';
  });
  const [securityGet, securityPatch] = settings('security', (ctx, draft, current, _patch, errors) => {
    locked(['codeWordSet', 'twoFactor', 'passwordPolicy'], draft, current, errors);
    if (!deepEqual(draft.ipRules, current.ipRules) && Array.isArray(draft.ipRules)) {
      const parsed = parseIpRules(draft.ipRules.map(String).join('\n'));
      const bad = parsed.errors.find((e) => !['overlap', 'duplicate'].includes(e.reason));
      if (bad) errors.ipRules = bad.reason;
      // The lockout guard on the server side: nobody saves a list that shuts out their own address.
      else if (!ipRulesAllow(parsed.rules, ctx.ip)) errors.ipRules = 'excludes_current_ip';
      else freshAuth(ctx);
    }
  });

  function emailStatus(accountId: string) {
    const email = readRes(accountId, 'email').data;
    const profile = readRes(accountId, 'profile').data;
    return { email: String(profile.email ?? ''), confirmed: Boolean(email.confirmed), ...(email.pending ? { pending: String(email.pending) } : {}) };
  }

  function usersOf(accountId: string) {
    return store.all('SELECT * FROM users WHERE account_id = ? ORDER BY rowid', [accountId]).map(userJson);
  }

  function userJson(u: Row) {
    return {
      id: String(u.id),
      email: String(u.email),
      ...(u.name ? { name: String(u.name) } : {}),
      role: String(u.role),
      status: String(u.status),
      ...(u.is_self ? { current: true } : {}),
    };
  }

  function findUser(ctx: Ctx): Row {
    const user = store.get('SELECT * FROM users WHERE account_id = ? AND id = ?', [String(ctx.account.id), ctx.params[0] ?? '']);
    if (!user) throw notFound();
    return user;
  }

  /**
   * The policy of DESIGN.md and <acct-users>: only the owner and administrators manage users, and
   * nobody changes their own role or removes themselves (so a member cannot promote themself).
   */
  function mayManage(ctx: Ctx, user: Row): void {
    if (role(String(ctx.account.id)) === 'user') throw forbidden('Only the owner and administrators manage users');
    if (user.is_self) throw forbidden('You cannot change your own role or remove yourself');
  }

  function apiKeyJson(k: Row) {
    return {
      id: String(k.id),
      name: String(k.name),
      prefix: String(k.prefix),
      createdAt: String(k.created_at),
      ...(k.last_used_at ? { lastUsedAt: String(k.last_used_at) } : {}),
      ...(k.expires_at ? { expiresAt: String(k.expires_at) } : {}),
    };
  }

  const ROLES = ['owner', 'admin', 'user'];

  // ---- the routes (paths under /api) ----

  // `body`: the fields a write reads; any other is refused (422, `unknown_field`). `'schema'`:
  // a settings patch, whose fields its zod schema checks (schemaErrors).
  const routes: [string, RegExp, Handler, { secretResponse?: boolean; body?: readonly string[] | 'schema' }?][] = [
    ['GET', /^\/viewer$/, (ctx) => {
      const viewer = readRes(String(ctx.account.id), 'viewer').data;
      return { ...viewer, currentIp: ctx.ip };
    }],
    ['POST', /^\/viewer\/reauthenticate$/, (ctx) => {
      limit(`reauth:${String(ctx.account.id)}`, 10, 900, 'Too many attempts');
      const b = ctx.body;
      if (isPlainObject(b) && typeof b.password === 'string') {
        if (!verifySecret(b.password, String(ctx.account.password_hash))) throw invalid({ password: 'wrong_password' });
      } else if (isPlainObject(b) && typeof b.code === 'string') {
        if (!verifySecondFactor(ctx.account, b.code)) throw invalid({ code: 'wrong_code' });
      } else throw invalid({ password: 'required' });
      store.run('UPDATE sessions SET auth_at = ? WHERE id = ?', [iso(), String(ctx.session.id)]);
      return reply(204);
    }, { body: ['password', 'code'] }],

    ['GET', /^\/profile$/, (ctx) => {
      const r = profileGet(ctx) as Reply;
      const body = r.body as { data: Record<string, unknown> };
      return reply(200, { ...body, policy: profilePolicy(ctx.account, body.data) }, r.headers);
    }],
    ['PATCH', /^\/profile$/, profilePatch, { body: 'schema' }],

    ['GET', /^\/contacts\/email$/, (ctx) => emailStatus(String(ctx.account.id))],
    ['POST', /^\/contacts\/email$/, (ctx) => {
      const errors = fieldErrors();
      const next = str(ctx.body, 'email', errors, { max: 254 }).trim();
      check(errors);
      const accountId = String(ctx.account.id);
      if (!isEmail(next)) throw invalid({ email: 'invalid_format' });
      if (next.toLowerCase() === emailStatus(accountId).email.toLowerCase()) throw invalid({ email: 'unchanged' });
      freshAuth(ctx);
      limit(`email:${accountId}`, 5, 3600, 'Too many confirmation emails');
      writeRes(accountId, 'email', { ...readRes(accountId, 'email').data, pending: next });
      send(accountId, 'email', next, `Confirm your new address: ${ISSUER} confirmation link ${token(12)}`);
      return emailStatus(accountId);
    }, { body: ['email'] }],
    ['POST', /^\/contacts\/email\/resend$/, (ctx) => {
      const accountId = String(ctx.account.id);
      const status = emailStatus(accountId);
      if (status.confirmed && !status.pending) throw invalid({ email: 'already_confirmed' });
      limit(`email:${accountId}`, 5, 3600, 'Too many confirmation emails');
      send(accountId, 'email', status.pending ?? status.email, `Confirm your address: ${ISSUER} confirmation link ${token(12)}`);
      return reply(204);
    }, { body: [] }],
    ['POST', /^\/contacts\/phone-verifications$/, (ctx) => {
      const errors = fieldErrors();
      const phone = str(ctx.body, 'phone', errors, { max: 32 }).replace(/[\s()-]/g, '');
      const method = str(ctx.body, 'method', errors);
      check(errors);
      if (!/^\+?\d{7,15}$/.test(phone)) throw invalid({ phone: 'invalid_format' });
      if (method !== 'sms' && method !== 'call') throw invalid({ method: 'invalid_value' });
      const gateway = isPlainObject(ctx.body) ? own(ctx.body, 'gateway') : undefined;
      if (gateway !== undefined && gateway !== null && gateway !== 'primary' && gateway !== 'secondary') throw invalid({ gateway: 'invalid_value' });
      const accountId = String(ctx.account.id);
      limit(`phone-resend:${accountId}`, 1, PHONE_RESEND, 'Wait before requesting another code');
      limit(`phone:${accountId}`, 5, 3600, 'Too many codes requested');
      const normalised = phone.startsWith('+') ? phone : `+${phone}`;
      const code = digits(method === 'sms' ? 6 : 4);
      const id = `pv-${token(9)}`;
      store.run('INSERT INTO phone_checks (id, account_id, phone, method, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        id, accountId, normalised, method, sha256(`${id}:${code}`), iso(), new Date(now().getTime() + PHONE_TTL * 1000).toISOString(),
      ]);
      // A call is answered with the last four digits of the calling number.
      send(accountId, method, normalised, method === 'sms' ? `${ISSUER} code: ${code}` : `Incoming call from +7 495 000-${code}`);
      return { id, method, codeLength: code.length, resendAfter: PHONE_RESEND, attempts: PHONE_ATTEMPTS };
    }, { body: ['phone', 'method', 'gateway'] }],
    ['POST', /^\/contacts\/phone-verifications\/([\w-]+)\/confirm$/, (ctx) => {
      const accountId = String(ctx.account.id);
      const id = ctx.params[0] ?? '';
      const check_ = store.get('SELECT * FROM phone_checks WHERE id = ? AND account_id = ?', [id, accountId]);
      if (!check_ || Date.parse(String(check_.expires_at)) < now().getTime()) throw notFound();
      const errors = fieldErrors();
      const code = str(ctx.body, 'code', errors, { max: 12 }).trim();
      check(errors);
      if (sha256(`${id}:${code}`) !== check_.code_hash) {
        const wrong = Number(check_.wrong) + 1;
        if (wrong >= PHONE_ATTEMPTS) {
          store.run('DELETE FROM phone_checks WHERE id = ?', [id]);
          return failAfterCommit(new HttpError(429, 'rate_limited', 'Too many wrong codes', { retryAfter: PHONE_RESEND }));
        }
        store.run('UPDATE phone_checks SET wrong = ? WHERE id = ?', [wrong, id]);
        return failAfterCommit(invalid({ code: 'wrong_code' }));
      }
      store.run('DELETE FROM phone_checks WHERE id = ?', [id]);
      const profile = readRes(accountId, 'profile').data;
      writeRes(accountId, 'profile', { ...profile, phone: String(check_.phone), phoneVerified: true });
      return reply(204);
    }, { body: ['code'] }],

    ['GET', /^\/notifications$/, notificationsGet],
    ['PATCH', /^\/notifications$/, notificationsPatch, { body: 'schema' }],
    ['GET', /^\/billing$/, billingGet],
    ['PATCH', /^\/billing$/, billingPatch, { body: 'schema' }],
    ['GET', /^\/billing\/currencies$/, (ctx) => readRes(String(ctx.account.id), 'currencies').data.list],
    ['GET', /^\/panel$/, panelGet],
    ['PATCH', /^\/panel$/, panelPatch, { body: 'schema' }],
    ['POST', /^\/panel\/reset-user-settings$/, (ctx) => {
      writeRes(String(ctx.account.id), 'user_settings', { savedFilters: 0, orderForms: 0 });
      return reply(204);
    }, { body: [] }],

    ['GET', /^\/security$/, securityGet],
    ['PATCH', /^\/security$/, securityPatch, { body: 'schema' }],
    ['POST', /^\/security\/password$/, (ctx) => {
      const accountId = String(ctx.account.id);
      const errors = fieldErrors();
      const current = str(ctx.body, 'current', errors, { max: 4096 });
      // No length cap here: the policy below says `too_long` at its own maximum.
      const next = str(ctx.body, 'next', errors, { required: false, max: Infinity });
      if (errors.next) check(errors);
      limit(`password:${accountId}`, 10, 900, 'Too many attempts');
      if (!errors.current && !verifySecret(current, String(ctx.account.password_hash))) errors.current = 'wrong_password';
      // The same policy the form checks (@acct/core): length for this account, blocklist, and
      // not the username or email inside. Its reason goes back per field for the form to word.
      const security = readRes(accountId, 'security').data as { twoFactor: { enabled: boolean }; passwordPolicy?: { minLength: number } };
      const verdict = validatePassword(next, {
        minLength: passwordMinLength({ twoFactor: security.twoFactor.enabled, policy: security.passwordPolicy }),
        userInputs: [String(ctx.account.username), String(readRes(accountId, 'profile').data.email ?? '')],
      });
      if (!verdict.ok) errors.next = verdict.reason;
      else if (next === current) errors.next = 'same_as_current';
      check(errors);
      store.run('UPDATE accounts SET password_hash = ? WHERE id = ?', [hashSecret(next), String(ctx.account.id)]);
      return reply(204);
    }, { body: ['current', 'next'] }],
    ['POST', /^\/security\/code-word$/, (ctx) => {
      const accountId = String(ctx.account.id);
      // Write once: a set code word can only be changed through support.
      if (ctx.account.code_word_hash) throw forbidden('The code word is already set');
      const errors = fieldErrors();
      const word = str(ctx.body, 'word', errors, { max: 128 }).trim();
      check(errors);
      if (word.length < 3) throw invalid({ codeWord: 'too_short' });
      freshAuth(ctx);
      store.run('UPDATE accounts SET code_word_hash = ? WHERE id = ?', [hashSecret(word), accountId]);
      writeRes(accountId, 'security', { ...readRes(accountId, 'security').data, codeWordSet: true });
      return reply(204);
    }, { body: ['word'] }],
    ['POST', /^\/security\/two-factor$/, (ctx) => {
      const accountId = String(ctx.account.id);
      if (ctx.account.totp_secret) throw forbidden('Two-factor is already on');
      freshAuth(ctx);
      const secret = base32(Buffer.from(token(20), 'base64url')).slice(0, 32);
      store.run('UPDATE accounts SET totp_pending = ? WHERE id = ?', [secret, accountId]);
      const label = encodeURIComponent(`${ISSUER}:${String(ctx.account.username)}`);
      return { secret, otpauthUri: `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}` };
    }, { body: [] }],
    ['POST', /^\/security\/two-factor\/confirm$/, (ctx) => {
      const accountId = String(ctx.account.id);
      const pending = ctx.account.totp_pending ? String(ctx.account.totp_pending) : undefined;
      if (!pending) throw invalid({ code: 'not_started' });
      const errors = fieldErrors();
      const code = str(ctx.body, 'code', errors, { max: 12 });
      check(errors);
      if (!verifyTotp(pending, code)) throw invalid({ code: 'wrong_code' });
      const recoveryCodes = Array.from({ length: 10 }, () => `${digits(4)}-${digits(4)}`);
      store.run('UPDATE accounts SET totp_secret = ?, totp_pending = NULL, recovery_hashes = ? WHERE id = ?', [
        pending, JSON.stringify(recoveryCodes.map((c) => sha256(c))), accountId,
      ]);
      writeRes(accountId, 'security', { ...readRes(accountId, 'security').data, twoFactor: { enabled: true } });
      return { recoveryCodes };
    }, { secretResponse: true, body: ['code'] }],
    ['POST', /^\/security\/two-factor\/disable$/, (ctx) => {
      const accountId = String(ctx.account.id);
      if (!ctx.account.totp_secret) throw forbidden('Two-factor is off');
      const errors = fieldErrors();
      const code = str(ctx.body, 'code', errors, { max: 12 });
      check(errors);
      limit(`totp:${accountId}`, 10, 900, 'Too many attempts');
      if (!verifySecondFactor(ctx.account, code)) throw invalid({ code: 'wrong_code' });
      store.run(`UPDATE accounts SET totp_secret = NULL, recovery_hashes = '[]' WHERE id = ?`, [accountId]);
      writeRes(accountId, 'security', { ...readRes(accountId, 'security').data, twoFactor: { enabled: false } });
      return reply(204);
    }, { body: ['code'] }],

    ['GET', /^\/sessions$/, (ctx) =>
      store.all('SELECT * FROM sessions WHERE account_id = ? ORDER BY last_active_at DESC', [String(ctx.account.id)]).map((s) => ({
        id: String(s.id),
        current: s.id === ctx.session.id,
        ip: String(s.ip),
        userAgent: String(s.user_agent),
        lastActiveAt: String(s.last_active_at),
      }))],
    ['DELETE', /^\/sessions\/([\w-]+)$/, (ctx) => {
      const id = ctx.params[0] ?? '';
      if (id === ctx.session.id) throw forbidden('Sign out to end the current session');
      if (!store.run('DELETE FROM sessions WHERE id = ? AND account_id = ?', [id, String(ctx.account.id)])) throw notFound();
      return reply(204);
    }, { body: [] }],

    ['GET', /^\/login-history$/, (ctx) => {
      const limitN = Number(ctx.query.get('limit') ?? 20);
      if (!Number.isInteger(limitN) || limitN < 1 || limitN > 100) throw invalid({ limit: 'out_of_range' });
      const cursor = ctx.query.get('cursor');
      if (cursor !== null && !/^\d+$/.test(cursor)) throw invalid({ cursor: 'invalid' });
      // Keyset pagination: the cursor is the last id seen, stable while new logins arrive.
      const rows = store.all(
        `SELECT * FROM login_history WHERE account_id = ? ${cursor !== null ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
        [String(ctx.account.id), ...(cursor !== null ? [Number(cursor)] : []), limitN + 1] as SqlValue[],
      );
      const items = rows.slice(0, limitN).map((r) => ({
        at: String(r.at),
        ip: String(r.ip),
        userAgent: String(r.user_agent),
        ...(r.location ? { location: String(r.location) } : {}),
        success: Boolean(r.success),
      }));
      return rows.length > limitN ? { items, nextCursor: String(rows[limitN - 1]?.id) } : { items };
    }],

    ['GET', /^\/api-keys$/, (ctx) => store.all('SELECT * FROM api_keys WHERE account_id = ? ORDER BY created_at', [String(ctx.account.id)]).map(apiKeyJson)],
    ['POST', /^\/api-keys$/, (ctx) => {
      const errors = fieldErrors();
      const name = str(ctx.body, 'name', errors, { max: 64 }).trim();
      if (!name && !errors.name) errors.name = 'required';
      const expiresAt = str(ctx.body, 'expiresAt', errors, { required: false, max: 40 });
      if (expiresAt) {
        const t = Date.parse(expiresAt);
        if (Number.isNaN(t)) errors.expiresAt = 'invalid_format';
        else if (t <= now().getTime()) errors.expiresAt = 'in_past';
      }
      check(errors);
      freshAuth(ctx);
      const prefix = `ak_${token(4).replace(/[-_]/g, 'x').slice(0, 5)}`;
      const secret = `${prefix}.${token(24)}`;
      const id = `key-${token(6)}`;
      store.run('INSERT INTO api_keys (id, account_id, name, prefix, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        id, String(ctx.account.id), name, prefix, sha256(secret), iso(), expiresAt ? new Date(expiresAt).toISOString() : null,
      ]);
      const row = store.get('SELECT * FROM api_keys WHERE id = ?', [id]) as Row;
      return reply(201, { key: apiKeyJson(row), secret });
    }, { secretResponse: true, body: ['name', 'expiresAt'] }],
    ['DELETE', /^\/api-keys\/([\w-]+)$/, (ctx) => {
      if (!store.run('DELETE FROM api_keys WHERE id = ? AND account_id = ?', [ctx.params[0] ?? '', String(ctx.account.id)])) throw notFound();
      return reply(204);
    }, { body: [] }],

    ['GET', /^\/users$/, (ctx) => usersOf(String(ctx.account.id))],
    ['POST', /^\/users$/, (ctx) => {
      const accountId = String(ctx.account.id);
      const errors = fieldErrors();
      const email = str(ctx.body, 'email', errors, { max: 254 }).trim();
      const r = str(ctx.body, 'role', errors);
      if (email && !isEmail(email)) errors.email = 'invalid_format';
      else if (email && usersOf(accountId).some((u) => u.email.toLowerCase() === email.toLowerCase())) errors.email = 'already_member';
      if (r && r !== 'admin' && r !== 'user') errors.role = 'invalid_value';
      check(errors);
      if (role(accountId) === 'user') throw forbidden('Only administrators invite users');
      freshAuth(ctx);
      const id = `usr-${token(6)}`;
      store.run('INSERT INTO users (id, account_id, email, role, status) VALUES (?, ?, ?, ?, ?)', [id, accountId, email, r, 'invited']);
      send(accountId, 'email', email, `You are invited to ${ISSUER}`);
      return reply(201, userJson(store.get('SELECT * FROM users WHERE id = ?', [id]) as Row));
    }, { body: ['email', 'role'] }],
    ['PATCH', /^\/users\/([\w-]+)$/, (ctx) => {
      const user = findUser(ctx);
      const errors = fieldErrors();
      const r = str(ctx.body, 'role', errors);
      if (r && !ROLES.includes(r)) errors.role = 'invalid_value';
      check(errors);
      mayManage(ctx, user);
      if (user.role === 'owner' || r === 'owner') throw forbidden('Ownership cannot change here');
      freshAuth(ctx);
      store.run('UPDATE users SET role = ? WHERE id = ?', [r, String(user.id)]);
      return userJson({ ...user, role: r });
    }, { body: ['role'] }],
    ['DELETE', /^\/users\/([\w-]+)$/, (ctx) => {
      const user = findUser(ctx);
      mayManage(ctx, user);
      if (user.role === 'owner') throw forbidden('The owner cannot be removed');
      freshAuth(ctx);
      store.run('DELETE FROM users WHERE id = ?', [String(user.id)]);
      return reply(204);
    }, { body: [] }],

    ['GET', /^\/privacy$/, (ctx) => readRes(String(ctx.account.id), 'privacy').data],
    ['POST', /^\/privacy\/exports$/, (ctx) => {
      const accountId = String(ctx.account.id);
      limit(`export:${accountId}`, 3, 86_400, 'Too many exports requested today');
      const state = readRes(accountId, 'privacy').data as { exports: unknown[] };
      const next = { ...state, exports: [{ id: `exp-${token(6)}`, status: 'pending', requestedAt: iso() }, ...state.exports] };
      return writeRes(accountId, 'privacy', next).data;
    }, { body: [] }],
    ['POST', /^\/privacy\/deletion$/, (ctx) => {
      const accountId = String(ctx.account.id);
      const errors = fieldErrors();
      const confirmation = str(ctx.body, 'confirmation', errors).trim();
      check(errors);
      if (confirmation !== String(ctx.account.username)) throw invalid({ confirmation: 'mismatch' });
      freshAuth(ctx);
      const state = readRes(accountId, 'privacy').data as { deletion?: { status: string } };
      if (state.deletion?.status === 'scheduled') return state;
      return writeRes(accountId, 'privacy', { ...state, deletion: { status: 'scheduled', at: new Date(now().getTime() + 30 * 86_400_000).toISOString() } }).data;
    }, { body: ['confirmation'] }],

    ['POST', /^\/tickets$/, (ctx) => {
      const errors = fieldErrors();
      const subject = str(ctx.body, 'subject', errors, { max: 200 }).trim();
      const body = str(ctx.body, 'body', errors, { max: 10_000 }).trim();
      check(errors);
      return reply(201, createTicket(String(ctx.account.id), subject, body));
    }, { body: ['subject', 'body'] }],

    ['GET', /^\/balance$/, (ctx) => {
      const accountId = String(ctx.account.id);
      const balance = readRes(accountId, 'balance').data as { amount: number; currency: string };
      const threshold = Number((readRes(accountId, 'notifications').data.lowBalance as { threshold: number }).threshold);
      return { ...balance, lowBalance: balance.amount < threshold };
    }],
    ['GET', /^\/referral$/, (ctx) => readRes(String(ctx.account.id), 'referral').data],
    ['POST', /^\/referral$/, (ctx) => {
      const accountId = String(ctx.account.id);
      const state = readRes(accountId, 'referral').data;
      return state.status === 'none' ? writeRes(accountId, 'referral', { status: 'requested' }).data : state;
    }, { body: [] }],
  ];

  if (!options.production) {
    // The development outbox: what the demo would have emailed, texted or called, so a person can read the code.
    routes.push(['GET', /^\/dev\/outbox$/, (ctx) =>
      store.all('SELECT channel, recipient, text, created_at FROM outbox WHERE account_id = ? ORDER BY id DESC LIMIT 50', [String(ctx.account.id)]).map((m) => ({
        channel: m.channel,
        to: m.recipient,
        text: m.text,
        at: m.created_at,
      }))]);
  }

  // ---- HTTP plumbing ----

  function clientIp(req: IncomingMessage): string {
    const forwarded = options.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
    return normaliseIp(forwarded || req.socket.remoteAddress || '') ?? '';
  }

  const tooLarge = () => new HttpError(413, 'validation', 'The request body is too large', { fieldErrors: { '(root)': 'too_large' } });

  /**
   * Reads the body whole. Past BODY_LIMIT the rest is still read, and thrown away, before the
   * 413 is sent: closing a socket with unread data resets it, and the client, still sending,
   * would see a reset instead of the answer. Beyond DRAIN_LIMIT the connection is cut.
   */
  function readRaw(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > BODY_LIMIT + DRAIN_LIMIT) {
        // Too much to drain: answer at once (the client may see the reset) and stop reading.
        reject(tooLarge());
        return;
      }
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= BODY_LIMIT) chunks.push(chunk);
        else {
          chunks.length = 0;
          if (size > BODY_LIMIT + DRAIN_LIMIT) {
            req.destroy();
            reject(tooLarge());
          }
        }
      });
      req.on('end', () => (size > BODY_LIMIT ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
      req.on('error', reject);
      req.on('close', () => reject(new HttpError(400, 'validation', 'The request was aborted')));
    });
  }

  async function readBody(req: IncomingMessage): Promise<Json> {
    const raw = await readRaw(req);
    if (!raw.length) return undefined;
    const type = String(req.headers['content-type'] ?? '');
    // JSON only: a cross-site form cannot send it without a CORS preflight this server never grants.
    if (!type.startsWith('application/json')) throw new HttpError(415, 'validation', 'Send JSON');
    const text = raw.toString('utf8');
    // Checked on the text, before JSON.parse and the recursive merge and validation walk it.
    if (jsonTooDeep(text)) throw new HttpError(400, 'validation', `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels`, { fieldErrors: { '(root)': 'too_deep' } });
    try {
      return JSON.parse(text) as Json;
    } catch {
      throw new HttpError(400, 'validation', 'The body is not valid JSON');
    }
  }

  const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

  /**
   * CSRF: a write must come from this site. Browsers say where a request comes from in
   * Sec-Fetch-Site; older ones send only Origin, compared with the Host the request went to.
   * A request with neither is not a browser's (curl, another server) and is let through.
   */
  function crossSite(req: IncomingMessage): boolean {
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string') return !['same-origin', 'same-site', 'none'].includes(site.trim().toLowerCase());
    const origin = req.headers.origin;
    if (typeof origin !== 'string') return false;
    const forwarded = options.trustProxy ? String(req.headers['x-forwarded-host'] ?? '').split(',')[0]?.trim() : '';
    const host = (forwarded || req.headers.host || '').toLowerCase();
    try {
      // `Origin: null` (a sandboxed frame, a redirect) throws here and counts as cross-site.
      return new URL(origin).host.toLowerCase() !== host;
    } catch {
      return true;
    }
  }

  function sendJson(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
    const text = body === undefined || status === 204 ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    });
    res.end(text);
  }

  function sendError(res: ServerResponse, e: HttpError): void {
    const headers: Record<string, string> = e.extra.retryAfter !== undefined ? { 'retry-after': String(e.extra.retryAfter) } : {};
    // The client may still be mid-upload of an oversized body: the connection is not reused.
    if (e.status === 413) headers.connection = 'close';
    sendJson(res, e.status, { code: e.code, message: e.message, ...e.extra }, headers);
  }

  function sessionCookie(value: string, maxAge: number): string {
    return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${options.production ? '; Secure' : ''}`;
  }

  function login(req: IncomingMessage, ip: string, body: Json): Reply {
    strictBody(body, ['username', 'password']);
    const errors = fieldErrors();
    const username = str(body, 'username', errors, { max: 100 }).trim();
    const password = str(body, 'password', errors, { max: 1024 });
    check(errors);
    limit(`login:${ip}:${username.toLowerCase()}`, 10, 900, 'Too many sign-in attempts');
    const account = store.get('SELECT * FROM accounts WHERE username = ?', [username]);
    const userAgent = String(req.headers['user-agent'] ?? '').slice(0, 300);
    const ok = account !== undefined && verifySecret(password, String(account.password_hash));
    if (account) {
      store.run('INSERT INTO login_history (account_id, at, ip, user_agent, success) VALUES (?, ?, ?, ?, ?)', [String(account.id), iso(), ip, userAgent, ok ? 1 : 0]);
    }
    // Returned, not thrown: the failed attempt stays in the login history.
    if (!account || !ok) return failAfterCommit(new HttpError(401, 'unauthenticated', 'Wrong username or password'));
    if (!ipAllowed(String(account.id), ip)) throw forbidden('Your address is not allowed by the account IP restrictions');
    const secret = token();
    const id = `ses-${token(9)}`;
    store.run('INSERT INTO sessions (id, token_hash, account_id, ip, user_agent, created_at, last_active_at, auth_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      id, sha256(secret), String(account.id), ip, userAgent, iso(), iso(), iso(),
    ]);
    const viewer = readRes(String(account.id), 'viewer').data;
    const previous = store.get('SELECT at, ip FROM login_history WHERE account_id = ? AND success = 1 ORDER BY id DESC LIMIT 1 OFFSET 1', [String(account.id)]);
    if (previous) writeRes(String(account.id), 'viewer', { ...viewer, lastLogin: { ip: String(previous.ip), at: String(previous.at) } });
    return reply(204, undefined, { 'set-cookie': sessionCookie(secret, 7 * 86_400) });
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const ip = clientIp(req);
    if (STATE_CHANGING.has(method) && crossSite(req)) throw forbidden('Cross-site requests are refused');
    const idempotencyKey = req.headers['idempotency-key'];
    if (typeof idempotencyKey === 'string' && idempotencyKey.length > IDEMPOTENCY_KEY_MAX) {
      throw new HttpError(400, 'validation', `Idempotency-Key is longer than ${IDEMPOTENCY_KEY_MAX} characters`, { fieldErrors: { 'Idempotency-Key': 'too_long' } });
    }
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    const answer = store.transaction((): Reply => {
      if (method === 'POST' && path === '/login') return login(req, ip, body);
      const secret = parseCookies(req.headers.cookie).get(COOKIE);
      const session = secret ? store.get('SELECT * FROM sessions WHERE token_hash = ?', [sha256(secret)]) : undefined;
      if (method === 'POST' && path === '/logout') {
        if (session) store.run('DELETE FROM sessions WHERE id = ?', [String(session.id)]);
        return reply(204, undefined, { 'set-cookie': sessionCookie('', 0) });
      }
      const route = routes.find(([m, re]) => m === method && re.test(path));
      if (!route) {
        const any = routes.some(([, re]) => re.test(path));
        throw any ? new HttpError(405, 'not_found', 'Method not allowed') : notFound();
      }
      if (!session) throw new HttpError(401, 'unauthenticated', 'Sign in first');
      const account = store.get('SELECT * FROM accounts WHERE id = ?', [String(session.account_id)]) as Row;
      // The billing IP restrictions hold for the API itself, not only for the sign-in page.
      if (!ipAllowed(String(account.id), ip)) throw forbidden('Your address is not allowed by the account IP restrictions');
      store.run('UPDATE sessions SET last_active_at = ?, ip = ? WHERE id = ?', [iso(), ip, String(session.id)]);

      const key = method !== 'GET' ? req.headers['idempotency-key'] : undefined;
      const routeKey = `${method} ${path}`;
      if (typeof key === 'string' && key) {
        const seen = store.get('SELECT * FROM idempotency WHERE account_id = ? AND key = ?', [String(account.id), key]);
        if (seen) {
          if (seen.route !== routeKey) throw invalid({ 'Idempotency-Key': 'reused' });
          if (seen.body === null && Number(seen.status) !== 204) throw new HttpError(409, 'conflict', 'Already done; its one-time secret is not shown again');
          return reply(Number(seen.status), seen.body === null ? undefined : JSON.parse(String(seen.body)), { 'idempotent-replayed': 'true' });
        }
      }
      const [, re, handler, flags] = route;
      if (method !== 'GET' && flags?.body !== 'schema') strictBody(body, flags?.body ?? []);
      const ctx: Ctx = {
        req,
        ip,
        params: (re.exec(path) ?? []).slice(1),
        query: url.searchParams,
        body,
        account,
        session,
        ifMatch: typeof req.headers['if-match'] === 'string' ? req.headers['if-match'] : undefined,
      };
      const out = handler(ctx);
      const result = isReply(out) ? out : reply(200, out);
      if (typeof key === 'string' && key && result.status !== FAILED) {
        // A secret is shown once: its answer is not kept, so a replay cannot show it again.
        store.run('INSERT INTO idempotency (account_id, key, route, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
          String(account.id), key, routeKey, result.status, flags?.secretResponse || result.body === undefined ? null : JSON.stringify(result.body), iso(),
        ]);
      }
      return result;
    });
    if (answer.status === FAILED) throw answer.body as HttpError;
    sendJson(res, answer.status, answer.body, answer.headers);
  }

  function signedIn(req: IncomingMessage): boolean {
    const secret = parseCookies(req.headers.cookie).get(COOKIE);
    return Boolean(secret && store.get('SELECT id FROM sessions WHERE token_hash = ?', [sha256(secret)]));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const root = options.staticRoot as string;
    let clean = '';
    try {
      clean = normalize(decodeURIComponent(path));
    } catch {
      // A malformed escape (`/%E0%A4%A`) names no file: answered below as not found.
    }
    let file: string | undefined;
    if (clean === '/' || clean === '/index.html') {
      if (!signedIn(req)) return void res.writeHead(302, { location: '/login', 'cache-control': 'no-store' }).end();
      file = join(root, 'demo/server.html');
    } else if (clean === '/login') file = join(root, 'demo/login.html');
    else if (clean.startsWith('/dist/') && !clean.includes('..')) file = join(root, clean);
    else if (/^\/demo\/[\w.-]+\.(js|css|svg)$/.test(clean)) file = join(root, clean);
    let body: Buffer;
    try {
      if (!file) throw new Error('not served');
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': STATIC_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname.startsWith('/api/')) return await api(req, res, url.pathname.slice(4), url);
      if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
      if (options.staticRoot && (req.method === 'GET' || req.method === 'HEAD')) return await serveStatic(req, res, url.pathname);
      sendError(res, notFound());
    } catch (e) {
      if (e instanceof HttpError) return sendError(res, e);
      // Never the details of an internal failure: they may hold personal data.
      sendError(res, new HttpError(500, 'unknown', 'Internal error'));
      process.emitWarning(`acct-server: ${(e as Error).stack ?? String(e)}`);
    }
  }

  return { store, handle, close: () => store.close() };
}

export async function startServer(options: ServerOptions & { port?: number; host?: string } = {}): Promise<{ server: Server; url: string; app: App; close(): Promise<void> }> {
  const app = await createApp(options);
  const server = createServer((req, res) => void app.handle(req, res));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    server,
    app,
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          app.close();
          resolve();
        });
      }),
  };
}
