// End to end: the built one-file bundle on a host page under the strict CSP, with an adapter
// written from the contract in DESIGN.md (plain objects, no memory adapter, no `current` flag on
// users), the way a host embeds <acct-login-history>, <acct-api-keys>, <acct-users>, <acct-privacy>.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome-path.mjs';
import { startDemoServer } from '../../demo/serve.mjs';

const NONCE = 'acct-e2e';
const CSP = [`script-src 'self' 'nonce-${NONCE}'`, "style-src 'self'", "require-trusted-types-for 'script'", 'trusted-types lit-html', "object-src 'none'"].join('; ');

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Access</title></head>
<body>
<acct-provider id="p">
  <acct-login-history time-zone="UTC"></acct-login-history>
  <acct-api-keys></acct-api-keys>
  <acct-users></acct-users>
  <acct-privacy></acct-privacy>
</acct-provider>
<script type="module" nonce="${NONCE}">
  import '/dist/acct-widgets.js';
  const now = '2025-05-20T12:00:00Z';
  const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36';
  const state = {
    sessions: [
      { id: 's1', current: true, ip: '203.0.113.1', userAgent: ua, lastActiveAt: now },
      { id: 's2', current: false, ip: '203.0.113.2', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:138.0) Gecko/20100101 Firefox/138.0', lastActiveAt: now },
    ],
    logins: Array.from({ length: 7 }, (_, i) => ({ at: now, ip: '203.0.113.' + i, userAgent: ua, success: i !== 3 })),
    keys: [{ id: 'k1', name: 'Terraform', prefix: 'tf_12', createdAt: now }],
    users: [
      { id: 'u1', email: 'host@example.com', role: 'owner', status: 'active' },
      { id: 'u2', email: 'ops@example.com', role: 'admin', status: 'active' },
    ],
    privacy: { exports: [] },
    events: [],
  };
  window.acctState = state;
  for (const t of ['acct-saved', 'acct-error']) document.addEventListener(t, (e) => state.events.push(JSON.stringify(e.detail)));
  document.getElementById('p').adapter = {
    viewer: { async get() { return { username: 'host@example.com', role: 'owner' }; }, async reauthenticate() {} },
    sessions: {
      async list() { return state.sessions; },
      async revoke(id) { state.sessions = state.sessions.filter((s) => s.id !== id); },
    },
    loginHistory: {
      async list({ cursor, limit = 20 } = {}) {
        const start = Number(cursor ?? 0);
        const items = state.logins.slice(start, start + limit);
        return start + limit < state.logins.length ? { items, nextCursor: String(start + limit) } : { items };
      },
    },
    apiKeys: {
      async list() { return state.keys; },
      async create({ name, expiresAt }) {
        const key = { id: 'k' + (state.keys.length + 1), name, prefix: 'ak_new', createdAt: now, ...(expiresAt ? { expiresAt } : {}) };
        state.keys = [...state.keys, key];
        return { key, secret: 'ak_new.TOPSECRET0123456789' };
      },
      async revoke(id) { state.keys = state.keys.filter((k) => k.id !== id); },
    },
    users: {
      async list() { return state.users; },
      async invite({ email, role }) { const u = { id: 'u' + (state.users.length + 1), email, role, status: 'invited' }; state.users = [...state.users, u]; return u; },
      async updateRole(id, role) { state.users = state.users.map((u) => (u.id === id ? { ...u, role } : u)); },
      async remove(id) { state.users = state.users.filter((u) => u.id !== id); },
    },
    privacy: {
      async get() { return state.privacy; },
      async requestExport() { state.privacy = { ...state.privacy, exports: [{ id: 'e1', status: 'pending', requestedAt: now }] }; },
      async requestDeletion({ confirmation }) {
        if (confirmation !== 'host@example.com') throw { code: 'validation', fieldErrors: { confirmation: 'mismatch' } };
        state.privacy = { ...state.privacy, deletion: { status: 'scheduled', at: '2025-06-19T12:00:00Z' } };
      },
    },
  };
</script>
</body></html>`;

describe('access elements on a host page (built bundle, contract-only adapter)', () => {
  let server;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    const started = await startDemoServer({ port: 0 });
    server = started.server;
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.route(`${started.url}access.html`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': CSP }, body: PAGE }),
    );
    await page.goto(`${started.url}access.html`);
    await page.getByRole('table', { name: 'Login history' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('renders all four elements with no errors and no CSP violation', async () => {
    await page.getByRole('table', { name: 'API keys' }).waitFor();
    await page.getByRole('table', { name: 'Users' }).waitFor();
    await page.getByRole('heading', { name: 'Delete account' }).waitFor();
    assert.equal(await page.getByRole('table', { name: 'Login history' }).locator('tbody tr').count(), 7);
    assert.deepEqual(problems, []);
  });

  it('signs out the other session after confirming', async () => {
    await page.getByRole('button', { name: /Sign out Firefox 138 on Linux/ }).click();
    await page.getByRole('dialog', { name: 'Sign out this session?' }).getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('table', { name: 'Active sessions' }).locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => window.acctState.sessions.length), 1);
  });

  it('creates a key and shows its secret once; it leaves no trace after Done', async () => {
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Deploy');
    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your new key "Deploy"' });
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('textbox', { name: 'API key' }).inputValue(), 'ak_new.TOPSECRET0123456789');
    await dialog.getByRole('button', { name: 'Done, I have stored it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'API keys' }).getByRole('rowheader', { name: 'Deploy' }).waitFor();
    const traces = await page.evaluate(() => {
      const el = document.querySelector('acct-api-keys');
      return [el.shadowRoot.innerHTML, el.shadowRoot.querySelector('#secret').value, JSON.stringify(window.acctState.events)].join('');
    });
    assert.equal(traces.includes('TOPSECRET'), false);
  });

  it('invites a colleague as a user; the owner row says why it cannot be removed', async () => {
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByText('The owner cannot be removed').waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill('billing@example.com');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await users.getByRole('rowheader', { name: 'billing@example.com' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.acctState.users.at(-1)), { id: 'u3', email: 'billing@example.com', role: 'user', status: 'invited' });
  });

  it('requests an archive and schedules deletion only with the username typed', async () => {
    await page.getByRole('button', { name: 'Request archive' }).click();
    await page.getByText('Being prepared', { exact: true }).waitFor();
    const field = page.getByRole('textbox', { name: /To confirm, type your username/ });
    await field.fill('someone-else');
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByText('This does not match your username.').waitFor();
    assert.equal(await page.evaluate(() => window.acctState.privacy.deletion), undefined);
    await field.fill('host@example.com');
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByText(/scheduled for deletion on June 19, 2025/).first().waitFor();
    assert.deepEqual(problems, []);
  });
});
