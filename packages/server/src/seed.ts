/**
 * A new database starts with the memory adapter's sample accounts (every account type of both
 * documents), so the demo, the stories and the tests share one set of people. Each signs in with
 * its username and DEMO_CREDENTIALS.password.
 */
import { DEMO_CREDENTIALS, SAMPLE_ACCOUNTS, SAMPLE_ACCOUNT_IDS } from '@acct/adapter-memory';
import type { Store } from './db.js';
import { hashSecret, sha256, token } from './secrets.js';

export function seed(store: Store): void {
  // One hash for every sample account: they share the demo password, and scrypt is slow on purpose.
  const passwordHash = hashSecret(DEMO_CREDENTIALS.password);
  for (const id of SAMPLE_ACCOUNT_IDS) {
    const a = SAMPLE_ACCOUNTS[id];
    store.run('INSERT INTO accounts (id, username, panel, password_hash, code_word_hash) VALUES (?, ?, ?, ?, ?)', [
      id,
      a.viewer.username,
      id.startsWith('billing-') ? 'billing' : 'control',
      passwordHash,
      a.secrets.codeWord ? hashSecret(a.secrets.codeWord) : null,
    ]);
    const resources: Record<string, unknown> = {
      viewer: { username: a.viewer.username, role: a.viewer.role, ...(a.viewer.lastLogin ? { lastLogin: a.viewer.lastLogin } : {}) },
      profile: a.profile,
      email: a.email,
      panel: a.panel,
      user_settings: a.userSettings,
      notifications: a.notifications,
      billing: a.billing,
      currencies: { list: a.currencies },
      // The sample rules are documentation ranges (RFC 5737): kept, a local demo could not sign in.
      security: { ...a.security, ipRules: [] },
      privacy: a.privacy,
      balance: a.balance,
      referral: a.referral,
    };
    for (const [name, data] of Object.entries(resources)) {
      store.run('INSERT INTO resources (account_id, name, data, version) VALUES (?, ?, ?, 1)', [id, name, JSON.stringify(data)]);
    }
    for (const r of [...a.loginHistory].reverse()) {
      store.run('INSERT INTO login_history (account_id, at, ip, user_agent, location, success) VALUES (?, ?, ?, ?, ?, ?)', [
        id, r.at, r.ip, r.userAgent, r.location ?? null, r.success ? 1 : 0,
      ]);
    }
    for (const s of a.sessions.filter((x) => !x.current)) {
      // Other devices' sessions: their tokens are unknown random values, only the hash is kept.
      store.run('INSERT INTO sessions (id, token_hash, account_id, ip, user_agent, created_at, last_active_at, auth_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        `${id}-${s.id}`, sha256(token()), id, s.ip, s.userAgent, s.lastActiveAt, s.lastActiveAt, s.lastActiveAt,
      ]);
    }
    for (const k of a.apiKeys) {
      const secret = a.secrets.apiKeys[k.id] ?? `${k.prefix}.${token(24)}`;
      store.run('INSERT INTO api_keys (id, account_id, name, prefix, secret_hash, created_at, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        `${id}-${k.id}`, id, k.name, k.prefix, sha256(secret), k.createdAt, k.lastUsedAt ?? null, k.expiresAt ?? null,
      ]);
    }
    for (const u of a.users) {
      store.run('INSERT INTO users (id, account_id, email, name, role, status, is_self) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        `${id}-${u.id}`, id, u.email, u.name ?? null, u.role, u.status, u.current ? 1 : 0,
      ]);
    }
  }
}
