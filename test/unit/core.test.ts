import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AdapterError,
  ADAPTER_ERROR_CODES,
  contrastRatio,
  currencyDigits,
  formatMoney,
  Int,
  isEmail,
  IsoDateTime,
  map,
  NonEmpty,
  newIdempotencyKey,
  isAbortError,
  languageName,
  NotificationSettings,
  PanelSettings,
  parseResponse,
  readableOn,
  safeUrl,
  SecuritySettings,
  toAdapterError,
  versioned,
  Viewer,
} from '@acct/core';

describe('AdapterError / toAdapterError', () => {
  it('keeps every contract code and its details', () => {
    for (const code of ADAPTER_ERROR_CODES) assert.equal(toAdapterError({ code }).code, code);
    const e = toAdapterError({ code: 'validation', message: 'bad', fieldErrors: { 'lowBalance.threshold': 'too low', n: 5 } });
    assert.deepEqual(e.fieldErrors, { 'lowBalance.threshold': 'too low' });
    assert.equal(e.message, 'bad');
    assert.equal(toAdapterError({ code: 'rate_limited', retryAfter: '30' }).retryAfter, 30);
    assert.equal(toAdapterError({ code: 'rate_limited', retryAfter: -1 }).retryAfter, undefined);
    const c = toAdapterError({ code: 'conflict', current: { data: { a: 1 }, version: '7' } });
    assert.deepEqual(c.current, { data: { a: 1 }, version: '7' });
  });

  it('turns anything else into unknown, and an instance passes through', () => {
    assert.equal(toAdapterError(new Error('x')).code, 'unknown');
    assert.equal(toAdapterError('boom').code, 'unknown');
    assert.equal(toAdapterError({ code: 'teapot' }).code, 'unknown');
    assert.equal(toAdapterError(null).code, 'unknown');
    const own = new AdapterError('forbidden');
    assert.equal(toAdapterError(own), own);
    assert.ok(own instanceof Error);
  });

  it('recognises aborts', () => {
    assert.ok(isAbortError(new DOMException('stop', 'AbortError')));
    assert.ok(!isAbortError(new AdapterError('network')));
  });
});

describe('parseResponse', () => {
  it('returns parsed data and rejects malformed data as invalid_response without values', () => {
    const schema = versioned(PanelSettings);
    assert.deepEqual(parseResponse(schema, { data: { language: 'ru', theme: 'dark' }, version: '1' }), {
      data: { language: 'ru', theme: 'dark' },
      version: '1',
    });
    assert.throws(
      () => parseResponse(schema, { data: { language: 'ru', theme: 'pink', secret: 'hunter2' }, version: 1 }),
      (e: unknown) => {
        assert.ok(e instanceof AdapterError);
        assert.equal(e.code, 'invalid_response');
        assert.match(e.message, /data\.theme/);
        assert.doesNotMatch(e.message, /pink|hunter2/);
        return true;
      },
    );
    assert.throws(() => parseResponse(schema, undefined), /Malformed/);
  });

  it('schemas accept contract shapes and reject wrong ones', () => {
    assert.ok(Viewer.safeParse({ username: 'u', role: 'owner', lastLogin: { ip: '1.2.3.4', at: '2025-01-02T03:04:05Z' } }).success);
    assert.ok(!Viewer.safeParse({ username: 'u', role: 'root' }).success);
    const n = { newsletter: false, lowBalance: { enabled: true, threshold: 10.5 }, emails: { invoices: '', support: 'a@b.co', complaints: '' } };
    assert.ok(NotificationSettings.safeParse(n).success);
    assert.ok(!NotificationSettings.safeParse({ ...n, lowBalance: { enabled: true, threshold: -1 } }).success);
    assert.ok(!NotificationSettings.safeParse({ ...n, emails: { ...n.emails, support: 'nope' } }).success);
    assert.ok(SecuritySettings.safeParse({ codeWordSet: true, ipRules: ['10.0.0.0/8'], showLastIp: true, twoFactor: { enabled: false } }).success);
    assert.ok(!PanelSettings.safeParse({ language: 'english!', theme: 'light' }).success);
  });
});

describe('small schema rules (the same rules as z.iso.datetime, z.int, z.minLength(1), z.record)', () => {
  const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;
  it('IsoDateTime takes RFC 3339 date-times with seconds and Z or an offset, on real calendar days', () => {
    for (const v of ['2024-02-29T10:00:00Z', '2000-02-29T23:59:59.5+03:00', '2023-12-31T00:00:00.123456-11:30'])
      assert.equal(ok(IsoDateTime, v), true, v);
    for (const v of ['2023-02-29T10:00:00Z', '1900-02-29T10:00:00Z', '2024-04-31T10:00:00Z', '2024-01-01T00:00Z',
      '2024-01-01T24:00:00Z', '2024-01-01T00:00:00', '2024-01-01T00:00:00+0300', '2024-01-01 00:00:00Z', '', 5])
      assert.equal(ok(IsoDateTime, v), false, String(v));
  });
  it('one email rule for schemas, fields, the adapters and the server', () => {
    for (const v of ['name@example.com', "o'brien+tag@mail.example.co.uk", 'a.b-c@x-y.io']) assert.equal(isEmail(v), true, v);
    for (const v of ['a@b.c', 'name@example', '.name@example.com', 'name..x@example.com', 'na me@example.com', 'name@-x.com', ''])
      assert.equal(isEmail(v), false, v);
    assert.equal(NotificationSettings.shape.emails.shape.invoices.safeParse('a@b.c').success, false);
  });
  it('Int, NonEmpty and map', () => {
    assert.deepEqual([0, -3, 12].map((v) => ok(Int, v)), [true, true, true]);
    assert.deepEqual([1.5, Number.NaN, Infinity, '1'].map((v) => ok(Int, v)), [false, false, false, false]);
    assert.deepEqual(['a', '\n', ''].map((v) => ok(NonEmpty, v)), [true, true, false]);
    const m = map(Int);
    assert.deepEqual(m.parse({ a: 1, b: 2 }), { a: 1, b: 2 });
    assert.deepEqual([{ a: 1.5 }, { a: '1' }, [], null, 'x'].map((v) => ok(m, v)), [false, false, false, false, false]);
  });
});

describe('newIdempotencyKey', () => {
  it('is a version 4 UUID, also where crypto.randomUUID is missing (plain http pages)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    assert.match(newIdempotencyKey(), uuid);
    // An own property hides the prototype's method, as an insecure context has none.
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    let keys: Set<string>;
    try {
      assert.equal(globalThis.crypto.randomUUID, undefined);
      keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    assert.equal(typeof globalThis.crypto.randomUUID, 'function');
    assert.equal(keys.size, 200);
    for (const k of keys) assert.match(k, uuid);
  });
});

describe('safeUrl', () => {
  it('allows http, https and mailto only', () => {
    assert.equal(safeUrl('https://example.com/a?b=1'), 'https://example.com/a?b=1');
    assert.equal(safeUrl('mailto:help@example.com'), 'mailto:help@example.com');
    assert.equal(safeUrl('/help', 'https://billing.example/'), 'https://billing.example/help');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<b>', 'vbscript:x', '', 42, null]) {
      assert.equal(safeUrl(bad, 'https://billing.example/'), undefined, String(bad));
    }
  });
});

describe('formatting', () => {
  it('formats money and knows minor units', () => {
    assert.equal(currencyDigits('EUR'), 2);
    assert.equal(currencyDigits('JPY'), 0);
    assert.equal(formatMoney(1500.5, 'USD', 'en'), '$1,500.50');
    assert.match(formatMoney(1500.5, 'RUB', 'ru'), /^1\s500,50\s₽$/);
    assert.equal(languageName('ru', 'ru'), 'Русский');
    assert.equal(languageName('en', 'en'), 'English');
  });
});

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    assert.equal(contrastRatio('#000', '#fff')!.toFixed(1), '21.0');
    assert.equal(contrastRatio('#777777', '#777777'), 1);
    assert.equal(contrastRatio('red', '#fff'), undefined);
    assert.equal(readableOn('#ffeb3b'), '#000000');
    assert.equal(readableOn('#0b5cad'), '#ffffff');
  });
});

describe('write answers', () => {
  it('Empty accepts nothing, null or an object; orEmpty adds the answer a write may return', async () => {
  const { Empty, MaybeReferralState, MaybeAccountUser } = await import('@acct/core');
  for (const v of [undefined, null, {}, { ok: true }]) assert.equal(Empty.safeParse(v).success, true);
  for (const v of ['garbage', '<html>502</html>', 0, true, []]) assert.equal(Empty.safeParse(v).success, false);
  assert.equal(MaybeReferralState.safeParse({ status: 'requested' }).success, true);
  assert.equal(MaybeReferralState.safeParse({ status: 'vip' }).success, false);
  assert.equal(MaybeAccountUser.safeParse({ id: 'u3', role: 'god' }).success, false);
  });
});

describe('the public validators (DESIGN.md "Validators")', () => {
  it('are all exported from the main @acct/core entry, phone included', async () => {
    const core = await import('@acct/core');
    const named = ['validateInn', 'validateKpp', 'validateOgrn', 'validateOgrnip', 'validateBic', 'validateCorrespondentAccount', 'validateSettlementAccount', 'validateRuPassport', 'validateSwift', 'validateIban', 'validateVatin', 'validatePhone', 'validatePassword', 'parseIpRules', 'ipRulesAllow'];
    for (const name of named) assert.equal(typeof (core as Record<string, unknown>)[name], 'function', name);
    assert.deepEqual(core.validatePhone('+7 916 123-45-67', { mobileOnly: true }), { ok: true, value: '+79161234567', country: 'RU', type: 'MOBILE', international: '+7 916 123 45 67' });
  });
});
