/**
 * The adapter contract: the only way elements reach a host's backend. One optional sub-API per
 * domain, so a host implements only what it embeds. Method names are public API.
 */
import type {
  AccountUser,
  ApiKey,
  Balance,
  BillingSettings,
  CreatedApiKey,
  EmailStatus,
  LoginPage,
  NotificationSettings,
  PanelSettings,
  PhoneVerification,
  PhoneVerificationOptions,
  PrivacyState,
  Profile,
  ProfilePolicy,
  ReauthInput,
  RecoveryCodes,
  ReferralState,
  Role,
  SecurityPatch,
  SecuritySettings,
  Session,
  Ticket,
  TwoFactorEnrolment,
  Viewer,
} from './schemas/index.js';

/** Every method takes it. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** Every write takes it: `ifMatch` is the version read before (-> `conflict` when stale). */
export interface WriteOptions extends RequestOptions {
  ifMatch?: string;
  idempotencyKey?: string;
}

export interface Versioned<T> {
  data: T;
  version: string;
}

export interface Updated<T> extends Versioned<T> {
  ticket?: Ticket;
}

/** Settings-like domains share one shape, so elements share one controller. */
export interface SettingsApi<T, P = Partial<T>> {
  get(o?: RequestOptions): Promise<Versioned<T>>;
  update(patch: P, o?: WriteOptions): Promise<Updated<T>>;
}

export interface ViewerApi {
  get(o?: RequestOptions): Promise<Viewer>;
  /** Answers a `reauth_required` error; the element then retries the request. */
  reauthenticate(input: ReauthInput, o?: WriteOptions): Promise<void>;
}

export interface ProfileApi extends SettingsApi<Profile> {
  /**
   * `policy` is optional: without it the element uses core's `defaultProfilePolicy`. A field's
   * `editable` is `true`, `false`, `'admin'` (viewer role `owner` only) or `'once'` (fillable while
   * the stored value is empty, then read-only). A backend that enforces the policy on `update`
   * refuses changes the viewer may not make with `fieldErrors: { field: 'read_only' }`
   * (`checkProfileChange(stored, draft, policy, role)` from `@acct/core` does exactly this).
   */
  get(o?: RequestOptions): Promise<Versioned<Profile> & { policy?: ProfilePolicy }>;
}

export interface ContactsApi {
  emailStatus(o?: RequestOptions): Promise<EmailStatus>;
  requestEmailChange(email: string, o?: WriteOptions): Promise<EmailStatus | void>;
  resendEmailConfirmation(o?: WriteOptions): Promise<void>;
  startPhoneVerification(phone: string, options: PhoneVerificationOptions, o?: WriteOptions): Promise<PhoneVerification>;
  confirmPhoneVerification(id: string, code: string, o?: WriteOptions): Promise<void>;
}

export interface BillingApi extends SettingsApi<BillingSettings> {
  currencies(o?: RequestOptions): Promise<string[]>;
}

export interface PanelApi extends SettingsApi<PanelSettings> {
  /** Resets saved filters and order forms. */
  resetUserSettings(o?: WriteOptions): Promise<void>;
}

export interface SecurityApi extends SettingsApi<SecuritySettings, SecurityPatch> {
  changePassword(input: { current: string; next: string }, o?: WriteOptions): Promise<void>;
  /** Write once: a set code word is never returned and cannot be changed here. */
  setCodeWord(word: string, o?: WriteOptions): Promise<void>;
  startTwoFactor(o?: WriteOptions): Promise<TwoFactorEnrolment>;
  confirmTwoFactor(code: string, o?: WriteOptions): Promise<RecoveryCodes>;
  disableTwoFactor(code: string, o?: WriteOptions): Promise<void>;
}

export interface SessionsApi {
  list(o?: RequestOptions): Promise<Session[]>;
  revoke(id: string, o?: WriteOptions): Promise<void>;
}

export interface LoginHistoryApi {
  list(query?: { cursor?: string; limit?: number }, o?: RequestOptions): Promise<LoginPage>;
}

export interface ApiKeysApi {
  list(o?: RequestOptions): Promise<ApiKey[]>;
  create(input: { name: string; expiresAt?: string }, o?: WriteOptions): Promise<CreatedApiKey>;
  revoke(id: string, o?: WriteOptions): Promise<void>;
}

export interface UsersApi {
  list(o?: RequestOptions): Promise<AccountUser[]>;
  invite(input: { email: string; role: Role }, o?: WriteOptions): Promise<AccountUser>;
  updateRole(id: string, role: Role, o?: WriteOptions): Promise<AccountUser | void>;
  remove(id: string, o?: WriteOptions): Promise<void>;
}

export interface PrivacyApi {
  get(o?: RequestOptions): Promise<PrivacyState>;
  requestExport(o?: WriteOptions): Promise<PrivacyState | void>;
  requestDeletion(input: { confirmation: string }, o?: WriteOptions): Promise<PrivacyState | void>;
}

export interface TicketsApi {
  create(input: { subject: string; body: string }, o?: WriteOptions): Promise<Ticket>;
}

export interface BalanceApi {
  get(o?: RequestOptions): Promise<Balance>;
}

export interface ReferralApi {
  get(o?: RequestOptions): Promise<ReferralState>;
  requestParticipation(o?: WriteOptions): Promise<ReferralState | void>;
}

export interface AccountAdapter {
  viewer?: ViewerApi;
  profile?: ProfileApi;
  contacts?: ContactsApi;
  notifications?: SettingsApi<NotificationSettings>;
  billing?: BillingApi;
  security?: SecurityApi;
  loginHistory?: LoginHistoryApi;
  sessions?: SessionsApi;
  apiKeys?: ApiKeysApi;
  users?: UsersApi;
  privacy?: PrivacyApi;
  panel?: PanelApi;
  tickets?: TicketsApi;
  balance?: BalanceApi;
  referral?: ReferralApi;
}

export type SubApiName = keyof AccountAdapter;

/**
 * A new idempotency key for one intended write. `crypto.randomUUID` exists only in secure
 * contexts, and billing panels are still served over plain http on intranets, so the fallback is
 * a version 4 UUID from `getRandomValues`, which every browser and Node has in any context.
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // The version (4) and variant (10xx) bits of RFC 9562, set on the hex digits.
  const h = Array.from(c.getRandomValues(new Uint8Array(16)), (x, i) =>
    (i === 6 ? (x & 0x0f) | 0x40 : i === 8 ? (x & 0x3f) | 0x80 : x).toString(16).padStart(2, '0'),
  ).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
