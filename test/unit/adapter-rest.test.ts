// @acct/adapter-rest against a real node:http server: every failure mapped to its code, and
// retries only where they are safe.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRestAdapter, parseRetryAfter } from '@acct/adapter-rest';
import { AdapterError } from '@acct/core';

type Script = (req: IncomingMessage, res: ServerResponse, n: number) => void;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const PANEL = { data: { language: 'en', theme: 'light' }, version: 'v1' };

describe('adapter-rest', () => {
  let server: Server;
  let base: string;
  let script: Script;
  let seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        script(req, res, seen.length);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => {
    seen = [];
  });

  const adapter = (o: Partial<Parameters<typeof createRestAdapter>[0]> = {}) => createRestAdapter({ baseUrl: base, backoff: 1, ...o });

  async function failure(p: Promise<unknown>): Promise<AdapterError> {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof AdapterError, `not an AdapterError: ${String(e)}`);
      return e;
    }
    assert.fail('expected a failure');
  }

  it('reads, parses, and sends writes with If-Match, Idempotency-Key and the headers hook', async () => {
    script = (req, res) => (req.method === 'GET' ? json(res, 200, PANEL, { etag: '"v1"' }) : json(res, 200, { ...PANEL, version: 'v2' }));
    const a = adapter({ headers: ({ method }) => ({ 'x-csrf-token': `t-${method}` }) });
    assert.deepEqual(await a.panel.get(), PANEL);
    const saved = await a.panel.update({ theme: 'light' }, { ifMatch: 'v1', idempotencyKey: 'k1' });
    assert.equal(saved.version, 'v2');
    const write = seen[1];
    assert.equal(write?.method, 'PATCH');
    assert.equal(write?.url, '/api/panel');
    assert.equal(write?.headers['if-match'], '"v1"');
    assert.equal(write?.headers['idempotency-key'], 'k1');
    assert.equal(write?.headers['x-csrf-token'], 't-PATCH');
    assert.equal(write?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(write?.body ?? ''), { theme: 'light' });
  });

  it('maps 400 and 422 to validation with field errors', async () => {
    for (const status of [400, 422]) {
      script = (_q, res) => json(res, status, { code: 'validation', message: 'bad', fieldErrors: { 'lowBalance.threshold': 'too_small', x: 5 } });
      const e = await failure(adapter().notifications.update({ newsletter: true }));
      assert.equal(e.code, 'validation');
      assert.deepEqual(e.fieldErrors, { 'lowBalance.threshold': 'too_small' });
    }
  });

  it('maps 401, 403 (forbidden or reauth_required by body code), 404 and 503', async () => {
    const cases: [number, unknown, string][] = [
      [401, { code: 'unauthenticated', message: 'x' }, 'unauthenticated'],
      [403, { code: 'forbidden', message: 'x' }, 'forbidden'],
      [403, { code: 'reauth_required', message: 'x' }, 'reauth_required'],
      [403, 'not json', 'forbidden'],
      [404, {}, 'not_found'],
      [500, { code: 'validation' }, 'unknown'],
      [418, {}, 'unknown'],
    ];
    for (const [status, body, code] of cases) {
      script = (_q, res) => (typeof body === 'string' ? res.writeHead(status).end(body) : json(res, status, body));
      assert.equal((await failure(adapter().security.setCodeWord('secret word'))).code, code, `HTTP ${status}`);
    }
    script = (_q, res) => json(res, 503, { code: 'unavailable', message: 'maintenance' });
    assert.equal((await failure(adapter({ retries: 0 }).panel.get())).code, 'unavailable');
  });

  it('maps 409 and 412 to conflict with the current data from the body', async () => {
    for (const status of [409, 412]) {
      script = (_q, res) => json(res, status, { code: 'conflict', message: 'stale', current: { data: { theme: 'dark' }, version: 'v9' } });
      const e = await failure(adapter().panel.update({ theme: 'auto' }, { ifMatch: 'v1' }));
      assert.equal(e.code, 'conflict');
      assert.deepEqual(e.current, { data: { theme: 'dark' }, version: 'v9' });
    }
  });

  it('maps 429 to rate_limited with Retry-After (header first, then body)', async () => {
    script = (_q, res) => json(res, 429, { code: 'rate_limited', message: 'slow down', retryAfter: 5 }, { 'retry-after': '120' });
    const e = await failure(adapter().contacts.startPhoneVerification('+79161234567', { method: 'sms' }));
    assert.equal(e.code, 'rate_limited');
    assert.equal(e.retryAfter, 120);
    script = (_q, res) => json(res, 429, { code: 'rate_limited', message: 'slow down', retryAfter: 30 });
    assert.equal((await failure(adapter().tickets.create({ subject: 's', body: 'b' }))).retryAfter, 30);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 30);
    assert.equal(parseRetryAfter('soon'), undefined);
  });

  it('maps bodies that fail the core schemas, and non-JSON success, to invalid_response', async () => {
    script = (_q, res) => json(res, 200, { data: { language: 'en', theme: 'neon' }, version: 'v1' });
    assert.equal((await failure(adapter().panel.get())).code, 'invalid_response');
    script = (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
    assert.equal((await failure(adapter().viewer.get())).code, 'invalid_response');
    script = (_q, res) => json(res, 200, [{ id: 'k', name: 'n' }]);
    assert.equal((await failure(adapter().apiKeys.list())).code, 'invalid_response');
  });

  it('maps a refused connection to network and a silent server to timeout', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await failure(createRestAdapter({ baseUrl: `http://127.0.0.1:${port}/api`, retries: 0 }).viewer.get());
    assert.equal(e.code, 'network');

    script = () => undefined; // never answers
    const t = await failure(adapter({ timeout: 50, retries: 0 }).viewer.get());
    assert.equal(t.code, 'timeout');
  });

  it('an aborted request rejects with AbortError, not an adapter error', async () => {
    script = () => undefined;
    const controller = new AbortController();
    const p = adapter().viewer.get({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(p, (e: Error) => e.name === 'AbortError');
  });

  it('retries GETs on 503, network trouble and short Retry-After, with backoff', async () => {
    script = (_q, res, n) => (n < 3 ? json(res, 503, { code: 'unavailable', message: 'x' }) : json(res, 200, PANEL));
    assert.deepEqual(await adapter().panel.get(), PANEL);
    assert.equal(seen.length, 3);

    seen = [];
    script = (_q, res, n) => (n < 2 ? json(res, 429, { code: 'rate_limited', message: 'x' }, { 'retry-after': '0' }) : json(res, 200, PANEL));
    assert.deepEqual(await adapter().panel.get(), PANEL);
    assert.equal(seen.length, 2);

    seen = [];
    script = (_q, res) => json(res, 503, { code: 'unavailable', message: 'x' });
    assert.equal((await failure(adapter({ retries: 2 }).panel.get())).code, 'unavailable');
    assert.equal(seen.length, 3, 'one attempt and two retries');
  });

  it('does not wait for a long Retry-After: the caller gets rate_limited at once', async () => {
    script = (_q, res) => json(res, 429, { code: 'rate_limited', message: 'x' }, { 'retry-after': '3600' });
    assert.equal((await failure(adapter().panel.get())).retryAfter, 3600);
    assert.equal(seen.length, 1);
  });

  it('never retries a write without an idempotency key; retries one with a key, sending the same key', async () => {
    script = (_q, res) => json(res, 503, { code: 'unavailable', message: 'x' });
    assert.equal((await failure(adapter().panel.update({ theme: 'dark' }))).code, 'unavailable');
    assert.equal(seen.length, 1);

    seen = [];
    script = (_q, res, n) => (n < 2 ? json(res, 503, { code: 'unavailable', message: 'x' }) : json(res, 201, { id: 'T-1' }));
    assert.deepEqual(await adapter().tickets.create({ subject: 's', body: 'b' }, { idempotencyKey: 'key-7' }), { id: 'T-1' });
    assert.deepEqual(seen.map((s) => s.headers['idempotency-key']), ['key-7', 'key-7']);
  });

  it('does not retry client errors', async () => {
    script = (_q, res) => json(res, 422, { code: 'validation', message: 'x', fieldErrors: { name: 'required' } });
    await failure(adapter().apiKeys.create({ name: '' }, { idempotencyKey: 'k' }));
    assert.equal(seen.length, 1);
  });

  it('calls every sub-API at its documented path', async () => {
    script = (_q, res) => res.writeHead(204).end();
    const a = adapter();
    await a.viewer.reauthenticate({ password: 'pw' });
    await a.contacts.confirmPhoneVerification('pv 1', '123456');
    await a.panel.resetUserSettings();
    await a.sessions.revoke('s/1');
    await a.apiKeys.revoke('key-1');
    await a.users.remove('usr-2');
    assert.equal(await a.users.updateRole('usr-2', 'admin'), undefined);
    assert.equal(await a.privacy.requestExport(), undefined);
    assert.deepEqual(
      seen.map((s) => `${s.method} ${s.url}`),
      [
        'POST /api/viewer/reauthenticate',
        'POST /api/contacts/phone-verifications/pv%201/confirm',
        'POST /api/panel/reset-user-settings',
        'DELETE /api/sessions/s%2F1',
        'DELETE /api/api-keys/key-1',
        'DELETE /api/users/usr-2',
        'PATCH /api/users/usr-2',
        'POST /api/privacy/exports',
      ],
    );
    seen = [];
    script = (_q, res) => json(res, 200, { items: [] });
    await a.loginHistory.list({ cursor: '42', limit: 10 });
    assert.equal(seen[0]?.url, '/api/login-history?cursor=42&limit=10');
  });

  it('calls only endpoints that openapi.yaml documents, and the document covers every sub-API method', async () => {
    const documented = new Set<string>();
    let path = '';
    for (const line of readFileSync('packages/adapter-rest/openapi.yaml', 'utf8').split('\n')) {
      const p = /^ {2}(\/\S*):$/.exec(line);
      if (p) path = p[1] ?? '';
      const m = /^ {4}(get|post|patch|delete):$/.exec(line);
      if (m && path) documented.add(`${(m[1] ?? '').toUpperCase()} ${path}`);
    }
    script = (_q, res) => res.writeHead(204).end();
    const a = adapter() as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
    const args: Record<string, unknown[]> = {
      'contacts.startPhoneVerification': ['+79161234567', { method: 'sms' }],
      'contacts.confirmPhoneVerification': ['x1', '123456'],
      'users.updateRole': ['x1', 'admin'],
    };
    let methods = 0;
    for (const [api, sub] of Object.entries(a)) {
      for (const [name, fn] of Object.entries(sub)) {
        methods++;
        await fn(...(args[`${api}.${name}`] ?? ['x1', 'x1'])).catch(() => undefined);
      }
    }
    const called = new Set(seen.map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname.replace(/^\/api/, '').replace(/\/x1(?=\/|$)/, '/{id}')}`));
    assert.equal(methods, 41);
    assert.deepEqual([...called].filter((c) => !documented.has(c)), []);
    assert.equal(called.size, 41, "one endpoint per method");
  });
});
