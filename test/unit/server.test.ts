// The reference server through the REST adapter (and raw HTTP where a client would misbehave):
// policies, secrets, IP restrictions, rate limits and optimistic concurrency, enforced server-side.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRestAdapter } from '@acct/adapter-rest';
import { AdapterError } from '@acct/core';
import { DEMO_CREDENTIALS } from '@acct/adapter-memory';
import { jsonTooDeep, parseCookies, startServer, totp } from '@acct/server';

type Started = Awaited<ReturnType<typeof startServer>>;

async function signIn(url: string, username: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${url}api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password: DEMO_CREDENTIALS.password }),
  });
  assert.equal(res.status, 204, `sign-in as ${username}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function client(url: string, cookie: string, headers: Record<string, string> = {}) {
  return createRestAdapter({ baseUrl: `${url}api`, retries: 0, headers: () => ({ cookie, ...headers }) });
}

async function failure(p: Promise<unknown>): Promise<AdapterError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AdapterError, String(e));
    return e;
  }
  assert.fail('expected a failure');
}

describe('reference server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acct-server-'));
  let s: Started;
  let cookie: string;
  let api: ReturnType<typeof client>;

  before(async () => {
    s = await startServer({ dbFile: join(dir, 'db.sqlite'), trustProxy: true });
    cookie = await signIn(s.url, 'mivanova');
    api = client(s.url, cookie);
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses requests without a session, and wrong passwords', async () => {
    assert.equal((await failure(createRestAdapter({ baseUrl: `${s.url}api`, retries: 0 }).panel.get())).code, 'unauthenticated');
    const res = await fetch(`${s.url}api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"mivanova","password":"nope"}' });
    assert.equal(res.status, 401);
  });

  it('answers every read with data the core schemas accept', async () => {
    await api.viewer.get();
    const profile = await api.profile.get();
    assert.ok(profile.policy && Object.keys(profile.policy.fields).length > 5);
    await Promise.all([
      api.notifications.get(), api.billing.get(), api.billing.currencies(), api.panel.get(), api.security.get(),
      api.contacts.emailStatus(), api.sessions.list(), api.loginHistory.list({ limit: 5 }), api.apiKeys.list(),
      api.users.list(), api.privacy.get(), api.balance.get(), api.referral.get(),
    ]);
  });

  it('validates writes with the core schemas and refuses unknown fields', async () => {
    const e = await failure(api.notifications.update({ lowBalance: { enabled: true, threshold: -5 } }));
    assert.equal(e.code, 'validation');
    assert.ok(e.fieldErrors?.['lowBalance.threshold']);
    const u = await failure(api.panel.update({ colour: 'red' } as never));
    assert.equal(u.fieldErrors?.colour, 'unknown_field');
  });

  it('refuses unknown fields in the body of every other write too, with the field named', async () => {
    const key = await failure(api.apiKeys.create({ name: 'x', scopes: ['all'] } as never));
    assert.equal(key.code, 'validation');
    assert.deepEqual(key.fieldErrors, { scopes: 'unknown_field' });
    const user = await failure(api.users.invite({ email: 'new@example.com', role: 'user', isOwner: true } as never));
    assert.deepEqual(user.fieldErrors, { isOwner: 'unknown_field' });
    const post = (path: string, body: unknown, method = 'POST') =>
      fetch(`${s.url}api${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const [path, body, method] of [
      ['/tickets', { subject: 's', body: 'b', priority: 'high' }],
      ['/referral', { status: 'member' }],
      ['/privacy/exports', { format: 'zip' }],
      ['/users/usr-2', { role: 'admin', owner: true }, 'PATCH'],
      ['/sessions/none', { all: true }, 'DELETE'],
      ['/tickets', ['not', 'an', 'object']],
    ] as const) {
      const res = await post(path, body, method);
      assert.equal(res.status, 422, `${method ?? 'POST'} ${path}`);
      const answer = (await res.json()) as { code: string; fieldErrors: Record<string, string> };
      assert.equal(answer.code, 'validation');
      assert.ok(Object.values(answer.fieldErrors).length === 1, JSON.stringify(answer));
    }
    assert.equal((await post('/login', { username: 'mivanova', password: 'x', remember: true })).status, 422);
    assert.equal(!(await api.apiKeys.list()).some((k) => k.name === 'x'), true);
  });

  it('enforces the profile policy: read-only fields refused, confirmed fields answered with a ticket', async () => {
    const e = await failure(api.profile.update({ discount: 50 }));
    assert.equal(e.code, 'validation');
    assert.equal(e.fieldErrors?.discount, 'read_only');
    // Document 000: changing filled passport data of an individual needs a confirmation ticket.
    const { data, policy } = await api.profile.get();
    assert.equal(policy?.fields.birthPlace?.confirm, true);
    assert.ok(data.birthPlace);
    const saved = await api.profile.update({ birthPlace: 'г. Тверь' });
    assert.match(saved.ticket?.id ?? '', /^T-\d+$/);
  });

  it("lets an empty INN be filled once ('once' policy), then refuses a change, as the element shows it", async () => {
    const c = client(s.url, await signIn(s.url, 'severveter'));
    const { data, policy } = await c.profile.get();
    assert.equal(policy?.fields.inn?.editable, 'once');
    // An account created without its INN, as a new legal entity's is.
    const id = String(s.app.store.get("SELECT id FROM accounts WHERE username = 'severveter'")?.id);
    s.app.store.run("UPDATE resources SET data = ?, version = version + 1 WHERE account_id = ? AND name = 'profile'", [JSON.stringify({ ...data, inn: '' }), id]);
    const bad = await failure(c.profile.update({ inn: '7707083890' }));
    assert.equal(bad.fieldErrors?.inn, 'checksum');
    const filled = await c.profile.update({ inn: '7707083893' });
    assert.equal(filled.data.inn, '7707083893');
    assert.equal(filled.ticket, undefined, 'nothing to confirm: there was no old value');
    const again = await failure(c.profile.update({ inn: '7736207543' }));
    assert.equal(again.fieldErrors?.inn, 'read_only');
  });

  it('keeps an account\'s saved currency valid after the list stops offering it, and refuses switching to one not offered', async () => {
    const c = client(s.url, await signIn(s.url, 'nordlicht'));
    const { data } = await c.billing.get();
    const id = String(s.app.store.get("SELECT id FROM accounts WHERE username = 'nordlicht'")?.id);
    s.app.store.run("UPDATE resources SET data = ?, version = version + 1 WHERE account_id = ? AND name = 'currencies'", [JSON.stringify({ list: ['USD'] }), id]);
    assert.ok(!(await c.billing.currencies()).includes(data.currency), `${data.currency} no longer offered`);
    const saved = await c.billing.update({ paymentWithoutAuth: !data.paymentWithoutAuth, currency: data.currency });
    assert.equal(saved.data.currency, data.currency);
    assert.equal(saved.data.paymentWithoutAuth, !data.paymentWithoutAuth);
    assert.equal((await failure(c.billing.update({ currency: 'JPY' }))).fieldErrors?.currency, 'unsupported');
    assert.equal((await c.billing.update({ currency: 'USD' })).data.currency, 'USD');
  });

  it('N concurrent updates with one If-Match: exactly one wins, the rest get 412 with the current data, no 5xx', async () => {
    const { version } = await api.billing.get();
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(`${s.url}api/billing`, {
          method: 'PATCH',
          headers: { cookie, 'content-type': 'application/json', 'if-match': `"${version}"` },
          body: JSON.stringify({ autoRenew: i % 2 === 0 }),
        }).then((r) => r.status),
      ),
    );
    assert.equal(statuses.filter((x) => x === 200).length, 1, statuses.join());
    assert.equal(statuses.filter((x) => x === 412).length, 11, statuses.join());
    const stale = await failure(api.billing.update({ autoRenew: true }, { ifMatch: version }));
    assert.equal(stale.code, 'conflict');
    assert.notEqual(stale.current?.version, version);
  });

  it('keeps the code word write-once and stores it, the password and API keys only as hashes', async () => {
    await api.security.setCodeWord('blue heron');
    assert.equal((await api.security.get()).data.codeWordSet, true);
    assert.equal((await failure(api.security.setCodeWord('another'))).code, 'forbidden');
    const created = await api.apiKeys.create({ name: 'deploy' });
    assert.ok(created.secret.startsWith(`${created.key.prefix}.`));
    const row = s.app.store.get("SELECT a.password_hash, a.code_word_hash FROM accounts a WHERE username = 'mivanova'");
    assert.match(String(row?.password_hash), /^scrypt\$/);
    assert.match(String(row?.code_word_hash), /^scrypt\$/);
    const key = s.app.store.get('SELECT * FROM api_keys WHERE id = ?', [created.key.id]);
    assert.equal(key?.prefix, created.key.prefix);
    assert.ok(!JSON.stringify(key).includes(created.secret.split('.')[1] ?? '?'));
    assert.ok(!JSON.stringify(await api.apiKeys.list()).includes(created.secret));
    await api.apiKeys.revoke(created.key.id);
    assert.equal((await failure(api.apiKeys.revoke(created.key.id))).code, 'not_found');
  });

  it('enrols TOTP with a real code and never returns the secret again', async () => {
    const { secret } = await api.security.startTwoFactor();
    assert.equal((await failure(api.security.confirmTwoFactor('000000'))).fieldErrors?.code, 'wrong_code');
    const { recoveryCodes } = await api.security.confirmTwoFactor(totp(secret));
    assert.equal(recoveryCodes.length, 10);
    const security = await api.security.get();
    assert.equal(security.data.twoFactor.enabled, true);
    assert.ok(!JSON.stringify(security).includes(secret));
    assert.equal((await failure(api.security.startTwoFactor())).code, 'forbidden');
    await api.security.disableTwoFactor(recoveryCodes[0] ?? '');
  });

  it('rate-limits verification codes, expires wrong tries, and shows the code in the development outbox', async () => {
    const started = await api.contacts.startPhoneVerification('+7 916 123-45-67', { method: 'sms' });
    const again = await failure(api.contacts.startPhoneVerification('+79161234567', { method: 'sms' }));
    assert.equal(again.code, 'rate_limited');
    assert.ok((again.retryAfter ?? 0) > 0);
    const outbox = (await (await fetch(`${s.url}api/dev/outbox`, { headers: { cookie } })).json()) as { text: string }[];
    const code = /(\d{6})/.exec(outbox[0]?.text ?? '')?.[1] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) assert.equal((await failure(api.contacts.confirmPhoneVerification(started.id, wrong))).code, 'validation');
    assert.equal((await failure(api.contacts.confirmPhoneVerification(started.id, wrong))).code, 'rate_limited');
    assert.equal((await failure(api.contacts.confirmPhoneVerification(started.id, code))).code, 'not_found');
  });

  it('enforces the IP restrictions on its own API and refuses a list that locks the user out', async () => {
    const office = { 'x-forwarded-for': '203.0.113.7' };
    const c = await signIn(s.url, 'aigerim.n', office);
    const fromOffice = client(s.url, c, office);
    const lockout = await failure(fromOffice.security.update({ ipRules: ['198.51.100.0/24'] }));
    assert.equal(lockout.fieldErrors?.ipRules, 'excludes_current_ip');
    await fromOffice.security.update({ ipRules: ['203.0.113.0/24'] });
    const elsewhere = client(s.url, c, { 'x-forwarded-for': '198.51.100.9' });
    assert.equal((await failure(elsewhere.panel.get())).code, 'forbidden');
    await fromOffice.panel.get();
  });

  it('replays a write with the same Idempotency-Key instead of doing it twice', async () => {
    const first = await api.tickets.create({ subject: 'Invoice', body: 'Please resend' }, { idempotencyKey: 'idem-1' });
    const second = await api.tickets.create({ subject: 'Invoice', body: 'Please resend' }, { idempotencyKey: 'idem-1' });
    assert.deepEqual(second, first);
  });

  it('asks for a fresh sign-in before sensitive changes, and accepts the password', async () => {
    const strict = await startServer({ reauthWindow: 0 });
    try {
      const c = client(strict.url, await signIn(strict.url, 'jdevries'));
      await new Promise((r) => setTimeout(r, 5));
      assert.equal((await failure(c.apiKeys.create({ name: 'x' }))).code, 'reauth_required');
      assert.equal((await failure(c.viewer.reauthenticate({ password: 'wrong' }))).fieldErrors?.password, 'wrong_password');
    } finally {
      await strict.close();
    }
  });

  it('keeps its data in the SQLite file across a restart', async () => {
    await api.notifications.update({ lowBalance: { enabled: true, threshold: 777 } });
    await s.close();
    s = await startServer({ dbFile: join(dir, 'db.sqlite'), trustProxy: true });
    cookie = await signIn(s.url, 'mivanova');
    api = client(s.url, cookie);
    assert.equal((await api.notifications.get()).data.lowBalance.threshold, 777);
  });
});

describe('reference server: input, roles and request hardening', () => {
  let s: Started;
  before(async () => {
    s = await startServer({});
  });
  after(() => s.close());

  const accountId = (username: string) => String(s.app.store.get('SELECT id FROM accounts WHERE username = ?', [username])?.id);
  const raw = (path: string, init: { method?: string; cookie?: string; headers?: Record<string, string>; body?: string } = {}) =>
    fetch(`${s.url}api${path}`, {
      method: init.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });

  it('refuses the email in a profile patch (read_only) and asks for a fresh sign-in before a phone change', async () => {
    const c = client(s.url, await signIn(s.url, 'mivanova'));
    const { data } = await c.profile.get();
    const changed = await failure(c.profile.update({ email: 'new@example.com' }));
    assert.equal(changed.code, 'validation');
    assert.equal(changed.fieldErrors?.email, 'read_only');
    // Even the same address: the field is not part of this write at all.
    assert.equal((await failure(c.profile.update({ email: data.email }))).fieldErrors?.email, 'read_only');
    assert.equal((await c.profile.get()).data.email, data.email);

    // Signed in just now: the phone change goes through, and the new number is unverified.
    const saved = await c.profile.update({ phone: '+79167654321' });
    assert.equal(saved.data.phone, '+79167654321');
    assert.equal(saved.data.phoneVerified, false);

    const strict = await startServer({ reauthWindow: 0 });
    try {
      const sc = client(strict.url, await signIn(strict.url, 'mivanova'));
      await new Promise((r) => setTimeout(r, 5));
      const before = (await sc.profile.get()).data.phone;
      assert.equal((await failure(sc.profile.update({ phone: '+79167654321' }))).code, 'reauth_required');
      assert.equal((await sc.profile.get()).data.phone, before, 'nothing saved without the fresh sign-in');
      // Validation answers first: a bad value is not hidden behind the sign-in prompt.
      assert.equal((await failure(sc.profile.update({ phone: '+79167654321', email: 'x@example.com' }))).code, 'validation');
      // Other profile fields need no fresh sign-in.
      assert.equal((await sc.profile.update({ birthPlace: 'г. Калуга' })).data.birthPlace, 'г. Калуга');
    } finally {
      await strict.close();
    }
  });

  it('lets only the owner and administrators change roles or remove users, never their own row', async () => {
    const c = client(s.url, await signIn(s.url, 'nordlicht'));
    const id = accountId('nordlicht');
    const setViewerRole = (role: string) =>
      s.app.store.run("UPDATE resources SET data = json_set(data, '$.role', ?) WHERE account_id = ? AND name = 'viewer'", [role, id]);
    const users = await c.users.list();
    const owner = users.find((u) => u.role === 'owner');
    const admin = users.find((u) => u.role === 'admin');
    const member = users.find((u) => u.role === 'user');
    assert.ok(owner?.current && admin && member, JSON.stringify(users));

    // The owner (the viewer) manages others but not their own row.
    await c.users.updateRole(member.id, 'admin');
    assert.equal((await c.users.list()).find((u) => u.id === member.id)?.role, 'admin');
    await c.users.updateRole(member.id, 'user');
    assert.equal((await failure(c.users.updateRole(owner.id, 'admin'))).code, 'forbidden');
    assert.equal((await failure(c.users.remove(owner.id))).code, 'forbidden');

    // A member (role user) manages nobody.
    setViewerRole('user');
    s.app.store.run('UPDATE users SET is_self = (id = ?) WHERE account_id = ?', [member.id, id]);
    const asMember = await failure(c.users.updateRole(member.id, 'admin'));
    assert.equal(asMember.code, 'forbidden', 'a member cannot promote themself');
    assert.equal((await failure(c.users.updateRole(admin.id, 'user'))).code, 'forbidden');
    assert.equal((await failure(c.users.remove(admin.id))).code, 'forbidden');
    assert.equal((await failure(c.users.remove(owner.id))).code, 'forbidden');

    // An administrator manages other users, but not themself, the owner or ownership.
    setViewerRole('admin');
    s.app.store.run('UPDATE users SET is_self = (id = ?) WHERE account_id = ?', [admin.id, id]);
    assert.equal((await failure(c.users.updateRole(admin.id, 'user'))).code, 'forbidden');
    assert.equal((await failure(c.users.remove(admin.id))).code, 'forbidden');
    assert.equal((await failure(c.users.remove(owner.id))).code, 'forbidden');
    assert.equal((await failure(c.users.updateRole(member.id, 'owner'))).code, 'forbidden');
    await c.users.remove(member.id);
    assert.deepEqual((await c.users.list()).map((u) => u.id), [owner.id, admin.id]);
  });

  it('decodes cookie values and treats a malformed one as absent instead of failing', async () => {
    const cookie = await signIn(s.url, 'mivanova');
    const [name, value = ''] = cookie.split('=');
    // The same token with its first character percent-encoded still signs in.
    const encoded = `${name}=%${(value.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}${value.slice(1)}`;
    assert.equal((await raw('/viewer', { method: 'GET', cookie: encoded })).status, 200);
    assert.equal((await raw('/viewer', { method: 'GET', cookie: `theme=%E0%A4%A; ${cookie}` })).status, 200);
    const broken = await raw('/viewer', { method: 'GET', cookie: `${name}=%E0%A4%A` });
    assert.equal(broken.status, 401);
    assert.equal(((await broken.json()) as { code: string }).code, 'unauthenticated');
    const parsed = parseCookies('a=1; b="x%20y"; bad=%zz; a=2; __proto__=p');
    assert.deepEqual([...parsed], [['a', '1'], ['b', 'x y'], ['__proto__', 'p']]);
  });

  it('enforces the password policy of @acct/core and answers its reasons per field', async () => {
    const c = client(s.url, await signIn(s.url, 'kuznetsov.av'));
    const current: string = DEMO_CREDENTIALS.password;
    const reason = async (next: string, cur = current) => (await failure(c.security.changePassword({ current: cur, next }))).fieldErrors;
    assert.deepEqual(await reason('short one'), { next: 'too_short' });
    assert.deepEqual(await reason('x'.repeat(257)), { next: 'too_long' });
    assert.deepEqual(await reason('mailcreated5240'), { next: 'common' });
    assert.deepEqual(await reason('my kuznetsov.av password'), { next: 'contains_user_input' });
    assert.deepEqual(await reason(''), { next: 'required' });
    // Both fields at once, so the form shows both.
    assert.deepEqual(await reason('short one', 'not my password'), { current: 'wrong_password', next: 'too_short' });
    assert.deepEqual(await reason(current), { next: 'same_as_current' });
    await c.security.changePassword({ current, next: 'four unrelated words grazing quietly' });
    const row = s.app.store.get('SELECT password_hash FROM accounts WHERE username = ?', ['kuznetsov.av']);
    assert.match(String(row?.password_hash), /^scrypt\$/);
  });

  it('refuses cross-site writes by Sec-Fetch-Site, or by Origin against Host when it is absent', async () => {
    const cookie = await signIn(s.url, 'severveter');
    const host = new URL(s.url).host;
    const ticket = (headers: Record<string, string>) => raw('/tickets', { cookie, headers, body: JSON.stringify({ subject: 'CSRF', body: 'test' }) });
    for (const headers of <Record<string, string>[]>[
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site', origin: `http://${host}` },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ]) {
      const res = await ticket(headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(((await res.json()) as { code: string }).code, 'forbidden');
    }
    const login = await raw('/login', { headers: { 'sec-fetch-site': 'cross-site' }, body: JSON.stringify({ username: 'severveter', password: DEMO_CREDENTIALS.password }) });
    assert.equal(login.status, 403, 'no cross-site sign-in either');
    for (const headers of <Record<string, string>[]>[{ 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'same-site' }, { 'sec-fetch-site': 'none' }, { origin: `http://${host}` }, {}]) {
      assert.equal((await ticket(headers)).status, 201, JSON.stringify(headers));
    }
    // Reads are not state-changing: a cross-site GET is answered (the cookie is SameSite=Strict anyway).
    assert.equal((await raw('/viewer', { method: 'GET', cookie, headers: { 'sec-fetch-site': 'cross-site' } })).status, 200);
  });

  it('rejects prototype names as unknown fields and JSON nested deeper than 32 levels', async () => {
    const cookie = await signIn(s.url, 'severveter');
    for (const [path, method, body, field] of [
      ['/notifications', 'PATCH', '{"__proto__":{"newsletter":true}}', '__proto__'],
      ['/notifications', 'PATCH', '{"constructor":1}', 'constructor'],
      ['/notifications', 'PATCH', '{"lowBalance":{"toString":1}}', 'lowBalance.toString'],
      ['/profile', 'PATCH', '{"toString":"x"}', 'toString'],
      ['/profile', 'PATCH', '{"__proto__":{"discount":50}}', '__proto__'],
      ['/tickets', 'POST', '{"subject":"s","body":"b","__proto__":{"x":1}}', '__proto__'],
      ['/tickets', 'POST', '{"subject":"s","body":"b","constructor":"x"}', 'constructor'],
    ] as const) {
      const res = await raw(path, { method, cookie, body });
      assert.equal(res.status, 422, `${method} ${path} ${body}`);
      const answer = (await res.json()) as { code: string; fieldErrors: Record<string, string> };
      assert.equal(answer.code, 'validation');
      assert.equal(answer.fieldErrors[field], 'unknown_field', JSON.stringify(answer));
    }
    assert.notEqual((await client(s.url, cookie).profile.get()).data.discount, 50);

    const nested = (n: number) => `{"subject":"s","body":"b","x":${'['.repeat(n - 1)}${']'.repeat(n - 1)}}`;
    const deep = await raw('/tickets', { cookie, body: nested(33) });
    assert.equal(deep.status, 400);
    assert.deepEqual(((await deep.json()) as { fieldErrors: unknown }).fieldErrors, { '(root)': 'too_deep' });
    // 32 levels parse; the unknown field is what is refused then.
    const ok = await raw('/tickets', { cookie, body: nested(32) });
    assert.equal(ok.status, 422);
    assert.deepEqual(((await ok.json()) as { fieldErrors: unknown }).fieldErrors, { x: 'unknown_field' });
    assert.equal(jsonTooDeep(`{"a":"${'['.repeat(100)}\\"[["}`), false, 'brackets in strings do not count');
    assert.equal(jsonTooDeep('['.repeat(33) + ']'.repeat(33)), true);
  });

  it('validates the phone gateway, the Idempotency-Key length and the length of profile texts', async () => {
    const c = client(s.url, await signIn(s.url, 'fgbu-ncdt'));
    const gateway = await failure(c.contacts.startPhoneVerification('+74957654321', { method: 'sms', gateway: 'tertiary' as never }));
    assert.deepEqual(gateway.fieldErrors, { gateway: 'invalid_value' });
    const started = await c.contacts.startPhoneVerification('+74957654321', { method: 'call', gateway: 'secondary' });
    assert.equal(started.method, 'call');

    const key = await failure(c.tickets.create({ subject: 's', body: 'b' }, { idempotencyKey: 'k'.repeat(201) }));
    assert.equal(key.code, 'validation');
    assert.deepEqual(key.fieldErrors, { 'Idempotency-Key': 'too_long' });
    await c.tickets.create({ subject: 's', body: 'b' }, { idempotencyKey: 'k'.repeat(200) });

    const m = client(s.url, await signIn(s.url, 'mivanova'));
    const long = await failure(m.profile.update({ birthPlace: 'г. '.padEnd(501, 'я') }));
    assert.deepEqual(long.fieldErrors, { birthPlace: 'too_long' });
    const saved = await m.profile.update({ birthPlace: 'г. '.padEnd(500, 'я') });
    assert.equal([...(saved.data.birthPlace ?? '')].length, 500);
  });

  it('answers an oversized body with 413 the client receives (Connection: close), not a reset', async () => {
    const cookie = await signIn(s.url, 'severveter');
    const url = new URL(`${s.url}api/tickets`);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const chunks = 24; // 1.5 MB, over the 1 MB limit
    const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { cookie, 'content-type': 'application/json', 'content-length': chunk.length * chunks } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < chunks; i++) req.write(chunk);
      req.end();
    });
    assert.equal(answer.status, 413);
    assert.equal(answer.connection, 'close');
    const parsed = JSON.parse(answer.body) as { code: string; fieldErrors: Record<string, string> };
    assert.equal(parsed.code, 'validation');
    assert.equal(parsed.fieldErrors['(root)'], 'too_large');
    // Through the adapter too (fetch): a validation error, not a network failure.
    const c = client(s.url, cookie);
    const e = await failure(c.tickets.create({ subject: 's', body: 'x'.repeat(1_100_000) }));
    assert.equal(e.code, 'validation');
    // The server goes on serving.
    assert.equal((await raw('/viewer', { method: 'GET', cookie })).status, 200);
  });
});
