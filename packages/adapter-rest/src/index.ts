/**
 * `@acct/adapter-rest`: the adapter contract over the documented HTTP API (openapi.yaml). Every
 * response is parsed with the core schemas, so a backend that drifts from the contract surfaces as
 * `invalid_response` instead of a broken page.
 */
import {
  AccountUser,
  AccountUserList,
  ApiKeyList,
  Balance,
  BillingSettings,
  CreatedApiKey,
  Currencies,
  EmailStatus,
  LoginPage,
  NotificationSettings,
  PanelSettings,
  PhoneVerification,
  PrivacyState,
  Profile,
  ProfilePolicy,
  RecoveryCodes,
  ReferralState,
  SecuritySettings,
  SessionList,
  Ticket,
  TwoFactorEnrolment,
  Viewer,
  parseResponse,
  updated,
  versioned,
  type AccountAdapter,
  type RequestOptions,
  type Schema,
  type SettingsApi,
  type WriteOptions,
} from '@acct/core';
import { createTransport, type CallOptions, type RestAdapterOptions } from './http.js';

export type { RestAdapterOptions } from './http.js';
export { errorFromResponse, parseRetryAfter } from './http.js';

export type RestAdapter = Required<AccountAdapter>;

export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  const { request } = createTransport(options);

  function opts(o: WriteOptions | undefined, extra: Partial<CallOptions> = {}): CallOptions {
    return { signal: o?.signal, ifMatch: o?.ifMatch, idempotencyKey: o?.idempotencyKey, ...extra };
  }

  /** A body, parsed. Versions travel in the body (`{ data, version }`) as well as in `ETag`. */
  async function call<T>(schema: Schema<T>, method: string, path: string, o: CallOptions): Promise<T> {
    return parseResponse(schema, (await request(method, path, o)).body);
  }

  /** Writes whose answer the contract does not need: any 2xx will do. */
  async function send(method: string, path: string, o: CallOptions): Promise<void> {
    await request(method, path, o);
  }

  /** Writes that may answer with the new state, or with 204. */
  async function maybe<T>(schema: Schema<T>, method: string, path: string, o: CallOptions): Promise<T | undefined> {
    const res = await request(method, path, o);
    return res.status === 204 || res.body === undefined ? undefined : parseResponse(schema, res.body);
  }

  function settings<T>(path: string, schema: Schema<T>): SettingsApi<T> {
    return {
      get: (o?: RequestOptions) => call(versioned(schema) as Schema<{ data: T; version: string }>, 'GET', path, opts(o)),
      update: (patch, o) => call(updated(schema) as Schema<{ data: T; version: string }>, 'PATCH', path, opts(o, { body: patch })),
    };
  }

  const id = encodeURIComponent;

  return {
    viewer: {
      get: (o) => call(Viewer, 'GET', '/viewer', opts(o)),
      reauthenticate: (input, o) => send('POST', '/viewer/reauthenticate', opts(o, { body: input })),
    },
    profile: {
      get: async (o) => {
        const res = await request('GET', '/profile', opts(o));
        const read = parseResponse(versioned(Profile), res.body);
        const policy = (res.body as { policy?: unknown }).policy;
        return policy === undefined ? read : { ...read, policy: parseResponse(ProfilePolicy, policy) };
      },
      update: (patch, o) => call(updated(Profile), 'PATCH', '/profile', opts(o, { body: patch })),
    },
    contacts: {
      emailStatus: (o) => call(EmailStatus, 'GET', '/contacts/email', opts(o)),
      requestEmailChange: (email, o) => maybe(EmailStatus, 'POST', '/contacts/email', opts(o, { body: { email } })),
      resendEmailConfirmation: (o) => send('POST', '/contacts/email/resend', opts(o, { body: {} })),
      startPhoneVerification: (phone, options, o) =>
        call(PhoneVerification, 'POST', '/contacts/phone-verifications', opts(o, { body: { phone, ...options } })),
      confirmPhoneVerification: (vid, code, o) => send('POST', `/contacts/phone-verifications/${id(vid)}/confirm`, opts(o, { body: { code } })),
    },
    notifications: settings('/notifications', NotificationSettings),
    billing: {
      ...settings('/billing', BillingSettings),
      currencies: (o) => call(Currencies, 'GET', '/billing/currencies', opts(o)),
    },
    panel: {
      ...settings('/panel', PanelSettings),
      resetUserSettings: (o) => send('POST', '/panel/reset-user-settings', opts(o, { body: {} })),
    },
    security: {
      get: (o) => call(versioned(SecuritySettings), 'GET', '/security', opts(o)),
      update: (patch, o) => call(updated(SecuritySettings), 'PATCH', '/security', opts(o, { body: patch })),
      changePassword: (input, o) => send('POST', '/security/password', opts(o, { body: input })),
      setCodeWord: (word, o) => send('POST', '/security/code-word', opts(o, { body: { word } })),
      startTwoFactor: (o) => call(TwoFactorEnrolment, 'POST', '/security/two-factor', opts(o, { body: {} })),
      confirmTwoFactor: (code, o) => call(RecoveryCodes, 'POST', '/security/two-factor/confirm', opts(o, { body: { code } })),
      disableTwoFactor: (code, o) => send('POST', '/security/two-factor/disable', opts(o, { body: { code } })),
    },
    sessions: {
      list: (o) => call(SessionList, 'GET', '/sessions', opts(o)),
      revoke: (sid, o) => send('DELETE', `/sessions/${id(sid)}`, opts(o)),
    },
    loginHistory: {
      list: (query, o) => call(LoginPage, 'GET', '/login-history', opts(o, { query: { cursor: query?.cursor, limit: query?.limit } })),
    },
    apiKeys: {
      list: (o) => call(ApiKeyList, 'GET', '/api-keys', opts(o)),
      create: (input, o) => call(CreatedApiKey, 'POST', '/api-keys', opts(o, { body: input })),
      revoke: (kid, o) => send('DELETE', `/api-keys/${id(kid)}`, opts(o)),
    },
    users: {
      list: (o) => call(AccountUserList, 'GET', '/users', opts(o)),
      invite: (input, o) => call(AccountUser, 'POST', '/users', opts(o, { body: input })),
      updateRole: (uid, role, o) => maybe(AccountUser, 'PATCH', `/users/${id(uid)}`, opts(o, { body: { role } })),
      remove: (uid, o) => send('DELETE', `/users/${id(uid)}`, opts(o)),
    },
    privacy: {
      get: (o) => call(PrivacyState, 'GET', '/privacy', opts(o)),
      requestExport: (o) => maybe(PrivacyState, 'POST', '/privacy/exports', opts(o, { body: {} })),
      requestDeletion: (input, o) => maybe(PrivacyState, 'POST', '/privacy/deletion', opts(o, { body: input })),
    },
    tickets: {
      create: (input, o) => call(Ticket, 'POST', '/tickets', opts(o, { body: input })),
    },
    balance: {
      get: (o) => call(Balance, 'GET', '/balance', opts(o)),
    },
    referral: {
      get: (o) => call(ReferralState, 'GET', '/referral', opts(o)),
      requestParticipation: (o) => maybe(ReferralState, 'POST', '/referral', opts(o, { body: {} })),
    },
  };
}
