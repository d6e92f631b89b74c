import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AccountUserList,
  AdapterError,
  ApiKeyList,
  Balance,
  BillingSettings,
  Currencies,
  EmailStatus,
  LoginPage,
  NotificationSettings,
  PanelSettings,
  parseResponse,
  PrivacyState,
  Profile,
  ReferralState,
  SecuritySettings,
  SessionList,
  updated,
  versioned,
  Viewer,
  type AdapterErrorCode,
  type LoginRecord,
} from '@acct/core';
import {
  createMemoryAdapter,
  DEMO_CREDENTIALS,
  SAMPLE_ACCOUNT_IDS,
  SAMPLE_ACCOUNTS,
} from '@acct/adapter-memory';

// ---------------------------------------------------------------------------------------------
// Checksum helpers (test-only, written from the published algorithms, independent of core).
const digits = (s: string) => [...s].map(Number);
const weighted = (s: string, w: number[]) => digits(s).reduce((sum, d, i) => sum + d * w[i], 0);

function innOk(v: string): boolean {
  if (/^\d{10}$/.test(v)) return (weighted(v.slice(0, 9), [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10 === Number(v[9]);
  if (!/^\d{12}$/.test(v)) return false;
  const n11 = (weighted(v.slice(0, 10), [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  const n12 = (weighted(v.slice(0, 11), [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  return n11 === Number(v[10]) && n12 === Number(v[11]);
}
const ogrnOk = (v: string) => /^\d{13}$/.test(v) && Number((BigInt(v.slice(0, 12)) % 11n) % 10n) === Number(v[12]);
const ogrnipOk = (v: string) => /^\d{15}$/.test(v) && Number((BigInt(v.slice(0, 14)) % 13n) % 10n) === Number(v[14]);
/** Central Bank control key: 23 digits times 7,1,3,... (last digit of each product) sum to a multiple of 10. */
function cbKeyOk(prefix3: string, account: string): boolean {
  if (!/^\d{20}$/.test(account)) return false;
  const w = [7, 1, 3];
  return digits(prefix3 + account).reduce((s, d, i) => s + ((d * w[i % 3]) % 10), 0) % 10 === 0;
}
const correspondentOk = (acc: string, bic: string) => cbKeyOk(`0${bic.slice(4, 6)}`, acc);
const settlementOk = (acc: string, bic: string) => cbKeyOk(bic.slice(6, 9), acc);
function ibanOk(v: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(v)) return false;
  const numeric = (v.slice(4) + v.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(numeric) % 97n === 1n;
}
function vatinOk(v: string): boolean {
  if (v.startsWith('DE') && /^DE\d{9}$/.test(v)) {
    // ISO 7064 MOD 11,10
    let product = 10;
    for (const d of digits(v.slice(2, 10))) {
      const sum = (d + product) % 10 || 10;
      product = (2 * sum) % 11;
    }
    return (11 - product) % 10 === Number(v[10]);
  }
  if (v.startsWith('FR') && /^FR\d{11}$/.test(v)) {
    const siren = BigInt(v.slice(4));
    return (12n + 3n * (siren % 97n)) % 97n === BigInt(v.slice(2, 4));
  }
  return false;
}

describe('checksum helpers reject broken values (so the seed checks below mean something)', () => {
  test('one changed digit fails every check', () => {
    assert.ok(innOk('7728456137') && !innOk('7728456138'));
    assert.ok(innOk('503124568733') && !innOk('503124568734'));
    assert.ok(ogrnOk('1187746123454') && !ogrnOk('1187746123455'));
    assert.ok(ogrnipOk('319508100012347') && !ogrnipOk('319508100012348'));
    assert.ok(correspondentOk('30101810400000000225', '044525225'));
    assert.ok(!correspondentOk('30101810500000000225', '044525225'));
    assert.ok(settlementOk('40702810938000012345', '044525225') && !settlementOk('40702810938000012346', '044525225'));
    assert.ok(ibanOk('DE89370400440532013000') && !ibanOk('DE89370400440532013001'));
    assert.ok(vatinOk('DE812345673') && !vatinOk('DE812345674'));
    assert.ok(vatinOk('FR16843127655') && !vatinOk('FR17843127655'));
  });
});

// ---------------------------------------------------------------------------------------------
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  assert.fail('expected the promise to reject');
}

async function adapterError(p: Promise<unknown>, code: AdapterErrorCode): Promise<AdapterError> {
  const e = await rejection(p);
  assert.ok(e instanceof AdapterError, `expected AdapterError, got ${String(e)}`);
  assert.equal(e.code, code);
  return e;
}

async function isAbort(p: Promise<unknown>): Promise<void> {
  const e = await rejection(p);
  assert.ok(e instanceof DOMException, 'expected a DOMException');
  assert.equal(e.name, 'AbortError');
}

const pending = Symbol('pending');
const settledWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => 'resolved', () => 'rejected'), new Promise((r) => setTimeout(() => r(pending), ms))]);

// ---------------------------------------------------------------------------------------------
describe('sample accounts', () => {
  test('one account per type of both documents', () => {
    assert.deepEqual(Object.keys(SAMPLE_ACCOUNTS).sort(), [...SAMPLE_ACCOUNT_IDS].sort());
    const types = SAMPLE_ACCOUNT_IDS.map((id) => `${SAMPLE_ACCOUNTS[id].profile.accountType}/${SAMPLE_ACCOUNTS[id].profile.residency}`);
    for (const t of ['individual/resident', 'individual/non_resident', 'company/resident', 'company/non_resident', 'sole_trader/resident', 'state_institution/resident']) {
      assert.ok(types.includes(t), t);
    }
  });

  for (const id of SAMPLE_ACCOUNT_IDS) {
    test(`${id}: every read passes the core schemas`, async () => {
      const a = createMemoryAdapter({ account: id });
      const viewer = parseResponse(Viewer, await a.viewer.get());
      assert.equal(viewer.role, 'owner');
      assert.ok(viewer.lastLogin);
      const profile = parseResponse(versioned(Profile), await a.profile.get());
      assert.equal(profile.data.username, viewer.username);
      parseResponse(versioned(PanelSettings), await a.panel.get());
      parseResponse(versioned(NotificationSettings), await a.notifications.get());
      const billing = parseResponse(versioned(BillingSettings), await a.billing.get());
      parseResponse(versioned(SecuritySettings), await a.security.get());
      const currencies = parseResponse(Currencies, await a.billing.currencies());
      assert.ok(currencies.includes(billing.data.currency));
      const sessions = parseResponse(SessionList, await a.sessions.list());
      assert.equal(sessions.length, 3);
      assert.equal(sessions.filter((s) => s.current).length, 1);
      parseResponse(LoginPage, await a.loginHistory.list());
      assert.equal(parseResponse(ApiKeyList, await a.apiKeys.list()).length, 2);
      const users = parseResponse(AccountUserList, await a.users.list());
      assert.deepEqual(users.map((u) => [u.role, u.status]), [['owner', 'active'], ['admin', 'active'], ['user', 'invited']]);
      parseResponse(PrivacyState, await a.privacy.get());
      parseResponse(Balance, await a.balance.get());
      parseResponse(ReferralState, await a.referral.get());
      parseResponse(EmailStatus, await a.contacts.emailStatus());
    });

    test(`${id}: residency decides currency, language and script`, () => {
      const s = SAMPLE_ACCOUNTS[id];
      const resident = s.profile.residency === 'resident';
      assert.equal(s.billing.currency === 'RUB', resident);
      assert.equal(s.panel.language, resident ? 'ru' : 'en');
      const name = String(s.profile.lastName ?? s.profile.companyName);
      assert.equal(/[А-Яа-яЁё]/.test(name), resident, name);
      const address = (s.profile.postalAddress ?? s.profile.legalAddress) as Record<string, string>;
      assert.deepEqual(Object.keys(address).sort(), ['city', 'country', 'line1', 'line2', 'postcode', 'region']);
      assert.equal(/[А-Яа-яЁё]/.test(address.line1), resident);
      assert.equal(s.loginHistory.length, 45);
      assert.ok(s.loginHistory.some((r) => !r.success));
    });

    test(`${id}: every identifier has a valid checksum`, () => {
      const p = SAMPLE_ACCOUNTS[id].profile as Record<string, unknown>;
      const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
      const [inn, ogrn, kpp, bic, correspondent, settlement, iban, swift, vatin] = [
        'inn', 'ogrn', 'kpp', 'bic', 'correspondentAccount', 'settlementAccount', 'accountNumber', 'swift', 'vatin',
      ].map(str);
      if (inn) {
        assert.equal(inn.length, p.accountType === 'sole_trader' ? 12 : 10, 'INN length by type');
        assert.ok(innOk(inn), `INN ${inn}`);
      }
      if (ogrn) assert.ok(p.accountType === 'sole_trader' ? ogrnipOk(ogrn) : ogrnOk(ogrn), `OGRN ${ogrn}`);
      if (kpp) assert.match(kpp, /^\d{4}[\dA-Z]{2}\d{3}$/);
      if (bic) {
        assert.match(bic, /^0\d{8}$/);
        if (correspondent) assert.ok(correspondentOk(correspondent, bic), 'correspondent account');
        assert.ok(settlement && settlementOk(settlement, bic), 'settlement account');
      }
      if (iban) assert.ok(ibanOk(iban), 'IBAN');
      if (swift) assert.match(swift, /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/);
      if (vatin) assert.ok(vatinOk(vatin), `VATIN ${vatin}`);
      const passport = str('passportNumber');
      if (passport && p.residency === 'resident') assert.match(passport, /^\d{4} \d{6}$/);
      // The matrix: Russian companies, sole traders and state institutions all carry these.
      if (p.residency === 'resident' && p.accountType !== 'individual') {
        assert.ok(inn && ogrn && bic && settlement, 'resident legal entity has full bank details');
      }
      if (p.accountType === 'company' && p.residency === 'non_resident') assert.ok(vatin && iban);
    });
  }

  test('the identifier checks above cover every kind at least once', () => {
    const profiles = SAMPLE_ACCOUNT_IDS.map((id) => SAMPLE_ACCOUNTS[id].profile as Record<string, string | undefined>);
    const count = (pred: (p: Record<string, string | undefined>) => boolean) => profiles.filter(pred).length;
    assert.ok(count((p) => p.inn?.length === 10) >= 2, 'INN-10');
    assert.ok(count((p) => p.inn?.length === 12) >= 1, 'INN-12');
    assert.ok(count((p) => p.ogrn?.length === 13) >= 2, 'OGRN');
    assert.ok(count((p) => p.ogrn?.length === 15) >= 1, 'OGRNIP');
    assert.ok(count((p) => Boolean(p.correspondentAccount)) >= 2, 'correspondent account');
    assert.ok(count((p) => Boolean(p.settlementAccount)) >= 3, 'settlement account');
    assert.ok(count((p) => Boolean(p.accountNumber)) >= 2, 'IBAN');
    assert.ok(count((p) => Boolean(p.vatin)) >= 2, 'VATIN');
  });

  test('adapters copy the seed: edits never reach SAMPLE_ACCOUNTS or another adapter', async () => {
    const a = createMemoryAdapter({ account: 'individual-resident' });
    await a.panel.update({ theme: 'dark' });
    assert.equal(SAMPLE_ACCOUNTS['individual-resident'].panel.theme, 'light');
    assert.equal((await createMemoryAdapter({ account: 'individual-resident' }).panel.get()).data.theme, 'light');
    assert.ok(Object.isFrozen(SAMPLE_ACCOUNTS['individual-resident'].profile));
  });

  test('data overrides merge into the seed', async () => {
    const a = createMemoryAdapter({
      account: 'company-resident',
      data: { panel: { language: 'en' }, profile: { fax: null }, balance: { amount: 1 } },
    });
    assert.deepEqual((await a.panel.get()).data, { language: 'en', theme: 'branded' });
    assert.equal('fax' in (await a.profile.get()).data, false);
    assert.deepEqual(await a.balance.get(), { amount: 1, currency: 'RUB', lowBalance: true });
  });
});

// ---------------------------------------------------------------------------------------------
describe('versions and conflicts', () => {
  test('every write changes the version; a stale ifMatch is a conflict carrying current', async () => {
    const a = createMemoryAdapter();
    const first = await a.panel.get();
    const saved = await a.panel.update({ theme: 'dark' }, { ifMatch: first.version });
    assert.notEqual(saved.version, first.version);
    assert.deepEqual(saved.data, { ...first.data, theme: 'dark' });
    const again = await a.panel.update({ theme: 'dark' }, { ifMatch: saved.version });
    assert.notEqual(again.version, saved.version, 'a write bumps even when nothing changed');

    const e = await adapterError(a.panel.update({ theme: 'light' }, { ifMatch: first.version }), 'conflict');
    assert.deepEqual(e.current, await a.panel.get());
    assert.equal((await a.panel.get()).data.theme, 'dark', 'the stale write was not applied');
  });

  test('without ifMatch the last write wins', async () => {
    const a = createMemoryAdapter();
    a.control.externalUpdate('billing', { autoRenew: false });
    assert.equal((await a.billing.update({ paymentWithoutAuth: true })).data.autoRenew, false);
  });

  test('externalUpdate bumps the version, so an editor holding the old one conflicts', async () => {
    const a = createMemoryAdapter();
    const before = await a.notifications.get();
    const after = a.control.externalUpdate('notifications', { newsletter: true });
    assert.notEqual(after.version, before.version);
    assert.equal(after.data.newsletter, true);
    const e = await adapterError(a.notifications.update({ newsletter: false }, { ifMatch: before.version }), 'conflict');
    assert.equal(e.current?.version, after.version);
    assert.throws(() => a.control.externalUpdate('panel', { theme: 'neon' as never }), (x: unknown) => x instanceof AdapterError && x.code === 'validation');
  });

  test('versions are per domain', async () => {
    const a = createMemoryAdapter();
    const billing = await a.billing.get();
    await a.panel.update({ theme: 'dark' });
    assert.equal((await a.billing.get()).version, billing.version);
  });
});

describe('validation', () => {
  test('schema errors come back as dotted field paths and leave the data alone', async () => {
    const a = createMemoryAdapter();
    const before = await a.notifications.get();
    const e = await adapterError(
      a.notifications.update({ lowBalance: { enabled: true, threshold: -5 }, emails: { ...before.data.emails, support: 'not-an-email' } }),
      'validation',
    );
    assert.deepEqual(Object.keys(e.fieldErrors ?? {}).sort(), ['emails.support', 'lowBalance.threshold']);
    assert.deepEqual(await a.notifications.get(), before);
  });

  test('unknown fields are reported, not silently dropped', async () => {
    const a = createMemoryAdapter();
    const e = await adapterError(a.panel.update({ colour: 'red' } as never), 'validation');
    assert.deepEqual(e.fieldErrors, { colour: 'unknown_field' });
  });

  test('panel.language must be a supported language', async () => {
    const a = createMemoryAdapter();
    assert.deepEqual((await adapterError(a.panel.update({ language: 'de' }), 'validation')).fieldErrors, { language: 'unsupported' });
    const b = createMemoryAdapter({ supportedLanguages: ['en', 'ru', 'de'] });
    assert.equal((await b.panel.update({ language: 'de' })).data.language, 'de');
  });

  test('billing.currency must be one of currencies()', async () => {
    const a = createMemoryAdapter();
    assert.deepEqual((await adapterError(a.billing.update({ currency: 'JPY' }), 'validation')).fieldErrors, { currency: 'unsupported' });
    assert.equal((await a.billing.update({ currency: 'KZT' })).data.currency, 'KZT');
  });

  test('billing: the saved currency stays valid after currencies() stops offering it, as on the reference server', async () => {
    const a = createMemoryAdapter({ account: 'billing-individual', data: { currencies: ['USD'] } });
    const { data } = await a.billing.get();
    assert.ok(!(await a.billing.currencies()).includes(data.currency), `${data.currency} no longer offered`);
    const saved = await a.billing.update({ currency: data.currency, paymentWithoutAuth: true });
    assert.deepEqual([saved.data.currency, saved.data.paymentWithoutAuth], [data.currency, true]);
    assert.deepEqual((await adapterError(a.billing.update({ currency: 'JPY' }), 'validation')).fieldErrors, { currency: 'unsupported' });
    assert.equal((await a.billing.update({ currency: 'USD' })).data.currency, 'USD');
  });

  test('security.update refuses codeWordSet / twoFactor changes but accepts their echo', async () => {
    const a = createMemoryAdapter();
    const { data } = await a.security.get();
    const e = await adapterError(a.security.update({ twoFactor: { enabled: true }, codeWordSet: true } as never), 'validation');
    assert.deepEqual(e.fieldErrors, { twoFactor: 'read_only', codeWordSet: 'read_only' });
    const saved = await a.security.update({ ...data, ipRules: ['192.0.2.0/24'], showLastIp: false });
    assert.deepEqual(saved.data, { ...data, ipRules: ['192.0.2.0/24'], showLastIp: false });
  });
});

describe('profile', () => {
  test('get returns the default policy of the account: control panel matrix, billing panel for billing-*', async () => {
    const company = await createMemoryAdapter({ account: 'company-resident' }).profile.get();
    assert.equal(company.policy?.fields.kpp?.editable, 'admin');
    assert.equal(company.policy?.fields.inn?.editable, 'once');
    const billing = await createMemoryAdapter({ account: 'billing-individual' }).profile.get();
    assert.equal(billing.policy?.fields.lastName?.requiredForPayment, true);
    assert.equal(billing.policy?.fields.username?.editable, false);
  });

  test("an empty 'once' field (INN) is filled like the server does, then refused", async () => {
    const a = createMemoryAdapter({ account: 'company-resident', data: { profile: { inn: null } } });
    const filled = await a.profile.update({ inn: '7707083893' });
    assert.equal(filled.data.inn, '7707083893');
    assert.equal(filled.ticket, undefined);
    const e = await a.profile.update({ inn: '7736207543' }).catch((x: { fieldErrors?: Record<string, string> }) => x);
    assert.equal((e as { fieldErrors?: Record<string, string> }).fieldErrors?.inn, 'read_only');
  });

  test('changing a filled-in confirm field creates a ticket; filling a blank one does not', async () => {
    const a = createMemoryAdapter({ account: 'individual-resident', data: { profile: { birthPlace: null } } });
    const filled = await a.profile.update({ birthPlace: 'г. Тула' });
    assert.equal(filled.ticket, undefined);
    assert.equal(filled.data.birthPlace, 'г. Тула');
    const changed = await a.profile.update({ postalAddress: { city: 'Химки' } } as never);
    assert.equal(changed.ticket?.id, 'T-1001');
    assert.equal((changed.data.postalAddress as { city: string; line1: string }).city, 'Химки');
    assert.equal((changed.data.postalAddress as { line1: string }).line1, 'ул. Гашека, д. 7, кв. 41', 'address objects merge');
    assert.match(a.control.snapshot().tickets[0].body, /postalAddress/);
    const phone = await a.profile.update({ phone: '+79161234500' });
    assert.equal(phone.ticket, undefined, 'phone is not a confirm field');
  });

  test('read-only fields of the policy refuse changes; company data is the main administrator\'s', async () => {
    const a = createMemoryAdapter({ account: 'company-resident' });
    const e = await adapterError(a.profile.update({ username: 'x', inn: '7707083893', discount: 50 }), 'validation');
    assert.deepEqual(e.fieldErrors, { username: 'read_only', inn: 'read_only', discount: 'read_only' });
    const admin = createMemoryAdapter({ account: 'company-resident', data: { viewer: { role: 'admin' } } });
    const f = await adapterError(admin.profile.update({ kpp: '772801002', fax: '+74951234500' }), 'validation');
    assert.deepEqual(f.fieldErrors, { kpp: 'read_only' });
  });

  test('identifiers are checked with their cross-field rules', async () => {
    const a = createMemoryAdapter({ account: 'company-resident' });
    const e = await adapterError(a.profile.update({ ogrn: '1187746123455', settlementAccount: '40702810938000012346', kpp: '' }), 'validation');
    assert.deepEqual(e.fieldErrors, { ogrn: 'checksum', settlementAccount: 'checksum', kpp: 'required' });
  });
});

describe('idempotency and copies', () => {
  test('the same idempotencyKey returns the first result without applying twice', async () => {
    const a = createMemoryAdapter();
    const t1 = await a.tickets.create({ subject: 'Hi', body: 'Help' }, { idempotencyKey: 'k1' });
    const t2 = await a.tickets.create({ subject: 'Hi', body: 'Help' }, { idempotencyKey: 'k1' });
    assert.deepEqual(t2, t1);
    assert.equal(a.control.snapshot().tickets.length, 1);
    assert.equal((await a.tickets.create({ subject: 'Hi', body: 'Help' }, { idempotencyKey: 'k2' })).id, 'T-1002');

    const { version } = await a.panel.get();
    const s1 = await a.panel.update({ theme: 'dark' }, { ifMatch: version, idempotencyKey: 'p1' });
    // A retry after a lost response carries the old ifMatch; it must not turn into a conflict.
    const s2 = await a.panel.update({ theme: 'dark' }, { ifMatch: version, idempotencyKey: 'p1' });
    assert.deepEqual(s2, s1);
    assert.equal((await a.panel.get()).version, s1.version);
  });

  test('callers can mutate neither results nor their own patches into the state', async () => {
    const a = createMemoryAdapter();
    const got = await a.notifications.get();
    got.data.lowBalance.threshold = 999;
    const patch = { emails: { invoices: 'a@example.com', support: '', complaints: '' } };
    await a.notifications.update(patch);
    patch.emails.invoices = 'mutated@example.com';
    const now = await a.notifications.get();
    assert.equal(now.data.lowBalance.threshold, 10);
    assert.equal(now.data.emails.invoices, 'a@example.com');
    (await a.users.list())[0].role = 'user';
    assert.equal((await a.users.list())[0].role, 'owner');
  });
});

describe('abort and latency', () => {
  test('aborting during latency rejects with AbortError and applies nothing', async () => {
    const a = createMemoryAdapter({ latency: 5_000 });
    const ctrl = new AbortController();
    const started = Date.now();
    const p = a.panel.update({ theme: 'dark' }, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 10);
    await isAbort(p);
    assert.ok(Date.now() - started < 1_000, 'the wait was cut short');
    a.control.latency = 0;
    assert.equal((await a.panel.get()).data.theme, 'light');
  });

  test('an already aborted signal rejects every kind of call', async () => {
    const a = createMemoryAdapter();
    const signal = AbortSignal.abort();
    await isAbort(a.viewer.get({ signal }));
    await isAbort(a.loginHistory.list({}, { signal }));
    await isAbort(a.apiKeys.create({ name: 'x' }, { signal }));
    assert.equal((await a.apiKeys.list()).length, 2);
  });

  test('latency is honoured and settable at runtime', async () => {
    const a = createMemoryAdapter({ latency: 60 });
    assert.equal(a.control.latency, 60);
    assert.equal(await settledWithin(a.viewer.get(), 20), pending);
    a.control.latency = 0;
    assert.equal(await settledWithin(a.viewer.get(), 20), 'resolved');
  });
});

describe('faults', () => {
  test('failNext: method patterns, times, extras, consumed when fired', async () => {
    const a = createMemoryAdapter();
    a.control.failNext('rate_limited', { method: 'panel.*', times: 2, retryAfter: 30, message: 'slow down' });
    await a.notifications.get(); // does not match, does not consume
    const e = await adapterError(a.panel.get(), 'rate_limited');
    assert.equal(e.retryAfter, 30);
    assert.equal(e.message, 'slow down');
    await adapterError(a.panel.update({ theme: 'dark' }), 'rate_limited');
    assert.equal((await a.panel.get()).data.theme, 'light', 'a failed write changes nothing');

    a.control.failNext('validation', { method: 'notifications.update', fieldErrors: { 'lowBalance.threshold': 'too_small' } });
    await a.panel.update({ theme: 'dark' }); // other method
    const v = await adapterError(a.notifications.update({ newsletter: true }), 'validation');
    assert.deepEqual(v.fieldErrors, { 'lowBalance.threshold': 'too_small' });
    await a.notifications.update({ newsletter: true });

    a.control.failNext('network');
    await adapterError(a.referral.get(), 'network');
    await a.referral.get();
  });

  test('conflictNext: another tab saves first, then the write conflicts with its data', async () => {
    const a = createMemoryAdapter();
    const before = await a.panel.get();
    a.control.conflictNext({ method: 'panel.update' });
    assert.deepEqual(await a.panel.get(), before, 'reads do not trigger it');
    const e = await adapterError(a.panel.update({ language: 'ru' }, { ifMatch: before.version }), 'conflict');
    const now = await a.panel.get();
    assert.deepEqual(e.current, now);
    assert.notEqual(now.version, before.version);
    assert.notDeepEqual(now.data, before.data);
    assert.equal(now.data.language, 'en', 'our write was not applied');
    // Consumed: retrying with the new version succeeds.
    assert.equal((await a.panel.update({ language: 'ru' }, { ifMatch: now.version })).data.language, 'ru');
  });

  test('conflictNext works for the profile too', async () => {
    const a = createMemoryAdapter({ account: 'sole-trader' });
    const before = await a.profile.get();
    a.control.conflictNext();
    const e = await adapterError(a.profile.update({ fax: '+74950000000' }), 'conflict');
    const current = e.current?.data as Record<string, unknown>;
    assert.notEqual(current.phone, before.data.phone);
    parseResponse(versioned(Profile), e.current);
  });

  test('malformedNext: the payload fails the schema, once', async () => {
    const a = createMemoryAdapter();
    a.control.malformedNext({ method: 'notifications.get' });
    await a.panel.get();
    const bad = await a.notifications.get();
    assert.throws(() => parseResponse(versioned(NotificationSettings), bad), (e: unknown) => e instanceof AdapterError && e.code === 'invalid_response');
    parseResponse(versioned(NotificationSettings), await a.notifications.get());

    a.control.malformedNext({ method: 'loginHistory.list' });
    const mangled = await a.loginHistory.list();
    assert.throws(() => parseResponse(LoginPage, mangled), AdapterError);

    // A write still happens; only its response is garbled (as when a proxy mangles it).
    a.control.malformedNext({ method: 'panel.update' });
    const garbled = await a.panel.update({ theme: 'dark' });
    assert.throws(() => parseResponse(updated(PanelSettings), garbled), AdapterError);
    assert.equal((await a.panel.get()).data.theme, 'dark');

    a.control.malformedNext();
    const nothing: unknown = await a.panel.resetUserSettings();
    assert.equal(typeof nothing, 'string', 'a void call gets an error page instead');
  });

  test('hangNext: never settles until aborted', async () => {
    const a = createMemoryAdapter();
    a.control.hangNext({ method: 'billing.get' });
    const ctrl = new AbortController();
    const p = a.billing.get({ signal: ctrl.signal });
    assert.equal(await settledWithin(p, 50), pending);
    ctrl.abort();
    await isAbort(p);
    assert.equal(await settledWithin(a.billing.get(), 50), 'resolved', 'consumed');
  });

  test('reset() clears faults and the call log', async () => {
    const a = createMemoryAdapter();
    a.control.failNext('unavailable', { times: 5 });
    a.control.hangNext();
    await adapterError(a.viewer.get(), 'unavailable');
    assert.equal(a.control.calls.length, 1);
    a.control.reset();
    assert.equal(a.control.calls.length, 0);
    await a.viewer.get();
  });
});

describe('re-authentication', () => {
  test('requireReauth blocks matching calls until reauthenticate succeeds', async () => {
    const a = createMemoryAdapter();
    a.control.requireReauth({ method: 'security.changePassword' });
    const input = { current: DEMO_CREDENTIALS.password, next: 'a much longer new passphrase' };
    await adapterError(a.security.changePassword(input), 'reauth_required');
    await adapterError(a.security.changePassword(input), 'reauth_required');
    await a.security.get();
    const wrong = await adapterError(a.viewer.reauthenticate({ password: 'nope' }), 'validation');
    assert.deepEqual(wrong.fieldErrors, { password: 'wrong_password' });
    await adapterError(a.security.changePassword(input), 'reauth_required');
    await a.viewer.reauthenticate({ password: DEMO_CREDENTIALS.password });
    await a.security.changePassword(input);
    // The new password is the one that re-authenticates now.
    await adapterError(a.viewer.reauthenticate({ password: DEMO_CREDENTIALS.password }), 'validation');
    await a.viewer.reauthenticate({ password: input.next });
  });

  test('without a method it guards writes only; a code also answers it; times limits it', async () => {
    const a = createMemoryAdapter();
    a.control.requireReauth();
    await a.panel.get();
    await adapterError(a.panel.update({ theme: 'dark' }), 'reauth_required');
    assert.deepEqual((await adapterError(a.viewer.reauthenticate({ code: '000000' }), 'validation')).fieldErrors, { code: 'wrong_code' });
    await a.viewer.reauthenticate({ code: DEMO_CREDENTIALS.totpCode });
    await a.panel.update({ theme: 'dark' });

    a.control.requireReauth({ method: 'apiKeys.*', times: 1 });
    await adapterError(a.apiKeys.create({ name: 'ci' }), 'reauth_required');
    await a.apiKeys.create({ name: 'ci' });
  });
});

describe('secrets', () => {
  test('changePassword checks the current password and the policy', async () => {
    const a = createMemoryAdapter();
    const wrong = await adapterError(a.security.changePassword({ current: 'guess', next: 'a long enough passphrase' }), 'validation');
    assert.deepEqual(wrong.fieldErrors, { current: 'wrong_password' });
    const short = await adapterError(a.security.changePassword({ current: DEMO_CREDENTIALS.password, next: 'short' }), 'validation');
    assert.deepEqual(short.fieldErrors, { next: 'too_short' });
    assert.equal((await a.security.get()).data.passwordPolicy?.minLength, 15);
  });

  test('code word is write-once and never returned', async () => {
    const a = createMemoryAdapter();
    const before = await a.security.get();
    assert.equal(before.data.codeWordSet, false);
    await a.security.setCodeWord('blueberry');
    const after = await a.security.get();
    assert.equal(after.data.codeWordSet, true);
    assert.notEqual(after.version, before.version);
    await adapterError(a.security.setCodeWord('another'), 'forbidden');
    assert.ok(!JSON.stringify([after, a.control.snapshot(), a.control.calls]).includes('blueberry'));
    await adapterError(createMemoryAdapter({ account: 'company-resident' }).security.setCodeWord('x-word'), 'forbidden');
  });

  test('an API key secret is returned once by create and never by list', async () => {
    const a = createMemoryAdapter();
    const created = await a.apiKeys.create({ name: ' Backups ', expiresAt: '2030-01-01T00:00:00Z' });
    assert.equal(created.key.name, 'Backups');
    assert.ok(created.secret.startsWith(created.key.prefix));
    assert.ok(created.secret.length > created.key.prefix.length + 10);
    const list = await a.apiKeys.list();
    assert.equal(list.length, 3);
    parseResponse(ApiKeyList, list);
    const seededSecrets = Object.values(SAMPLE_ACCOUNTS['billing-individual'].secrets.apiKeys);
    for (const s of [created.secret, ...seededSecrets, DEMO_CREDENTIALS.password]) {
      assert.ok(!JSON.stringify([list, a.control.snapshot()]).includes(s), 'secret leaked');
    }
    assert.deepEqual((await adapterError(a.apiKeys.create({ name: ' ' }), 'validation')).fieldErrors, { name: 'required' });
    assert.deepEqual((await adapterError(a.apiKeys.create({ name: 'old', expiresAt: '2020-01-01T00:00:00Z' }), 'validation')).fieldErrors, { expiresAt: 'in_past' });
    await a.apiKeys.revoke(created.key.id);
    assert.equal((await a.apiKeys.list()).length, 2);
    await adapterError(a.apiKeys.revoke(created.key.id), 'not_found');
  });

  test('two-factor: enrol, confirm, recovery codes, disable', async () => {
    const a = createMemoryAdapter();
    await adapterError(a.security.confirmTwoFactor(DEMO_CREDENTIALS.totpCode), 'validation');
    const enrol = await a.security.startTwoFactor();
    assert.match(enrol.secret, /^[A-Z2-7]{32}$/);
    assert.ok(enrol.otpauthUri.startsWith('otpauth://totp/') && enrol.otpauthUri.includes(`secret=${enrol.secret}`));
    await adapterError(a.security.confirmTwoFactor('111111'), 'validation');
    const { recoveryCodes } = await a.security.confirmTwoFactor(DEMO_CREDENTIALS.totpCode);
    assert.equal(new Set(recoveryCodes).size, 10);
    const on = await a.security.get();
    assert.deepEqual([on.data.twoFactor.enabled, on.data.passwordPolicy?.minLength], [true, 8]);
    await adapterError(a.security.startTwoFactor(), 'forbidden');
    await adapterError(a.security.disableTwoFactor('nope'), 'validation');
    await a.security.disableTwoFactor(recoveryCodes[0]);
    assert.equal((await a.security.get()).data.twoFactor.enabled, false);
  });

  test('the call log redacts secrets and leaves out the signal', async () => {
    const a = createMemoryAdapter();
    const signal = new AbortController().signal;
    await a.viewer.reauthenticate({ password: DEMO_CREDENTIALS.password }, { signal });
    await a.security.changePassword({ current: DEMO_CREDENTIALS.password, next: 'the next long passphrase' }, { idempotencyKey: 'cp' });
    await a.security.setCodeWord('cloudberry');
    const v = await a.contacts.startPhoneVerification('+31 6 1234 5678', { method: 'sms' });
    await a.contacts.confirmPhoneVerification(v.id, DEMO_CREDENTIALS.smsCode);
    await a.privacy.requestDeletion({ confirmation: 'jdevries' });
    await a.panel.get({ signal });
    const { version } = await a.panel.get();
    await a.panel.update({ theme: 'dark' }, { ifMatch: version, signal });

    assert.deepEqual(a.control.calls.slice(0, 6), [
      { method: 'viewer.reauthenticate', args: [{ password: '[redacted]' }] },
      { method: 'security.changePassword', args: [{ current: '[redacted]', next: '[redacted]' }, { idempotencyKey: 'cp' }] },
      { method: 'security.setCodeWord', args: ['[redacted]'] },
      { method: 'contacts.startPhoneVerification', args: ['+31 6 1234 5678', { method: 'sms' }] },
      { method: 'contacts.confirmPhoneVerification', args: [v.id, '[redacted]'] },
      { method: 'privacy.requestDeletion', args: [{ confirmation: '[redacted]' }] },
    ]);
    assert.deepEqual(a.control.calls.slice(6), [
      { method: 'panel.get', args: [] },
      { method: 'panel.get', args: [] },
      { method: 'panel.update', args: [{ theme: 'dark' }, { ifMatch: version }] },
    ]);
    const log = JSON.stringify(a.control.calls);
    for (const s of [DEMO_CREDENTIALS.password, 'the next long passphrase', 'cloudberry', DEMO_CREDENTIALS.smsCode]) assert.ok(!log.includes(s));
  });
});

describe('other domains', () => {
  test('phone verification by SMS and by call', async () => {
    const a = createMemoryAdapter({ account: 'individual-resident' });
    const sms = await a.contacts.startPhoneVerification('+7 916 000-11-22', { method: 'sms' });
    assert.deepEqual({ ...sms, id: 'x' }, { id: 'x', method: 'sms', codeLength: 6, resendAfter: 60, attempts: 5 });
    const call = await a.contacts.startPhoneVerification('+79160001122', { method: 'call', gateway: 'secondary' });
    assert.equal(call.codeLength, 4);
    assert.notEqual(call.id, sms.id);
    assert.deepEqual((await adapterError(a.contacts.confirmPhoneVerification(call.id, DEMO_CREDENTIALS.smsCode), 'validation')).fieldErrors, { code: 'wrong_code' });
    const before = await a.profile.get();
    await a.contacts.confirmPhoneVerification(call.id, DEMO_CREDENTIALS.callCode);
    const after = await a.profile.get();
    assert.equal(after.data.phone, '+79160001122');
    assert.notEqual(after.version, before.version);
    await adapterError(a.contacts.confirmPhoneVerification(call.id, DEMO_CREDENTIALS.callCode), 'not_found');
    await adapterError(a.contacts.startPhoneVerification('12', { method: 'sms' }), 'validation');
  });

  test('a phone check closes after its attempts are used up', async () => {
    const a = createMemoryAdapter();
    const check = await a.contacts.startPhoneVerification('+79160001122', { method: 'sms' });
    for (let i = 1; i < check.attempts!; i++) await adapterError(a.contacts.confirmPhoneVerification(check.id, '000000'), 'validation');
    assert.equal((await adapterError(a.contacts.confirmPhoneVerification(check.id, '000000'), 'rate_limited')).retryAfter, 60);
    await adapterError(a.contacts.confirmPhoneVerification(check.id, DEMO_CREDENTIALS.smsCode), 'not_found');
  });

  test('email change goes pending', async () => {
    const a = createMemoryAdapter();
    const status = await a.contacts.requestEmailChange('new@example.nl');
    assert.deepEqual(status, { email: 'jan.devries@example.nl', confirmed: true, pending: 'new@example.nl' });
    await a.contacts.resendEmailConfirmation();
    await adapterError(a.contacts.requestEmailChange('nope'), 'validation');
  });

  test('login history pages through all 45 records', async () => {
    const a = createMemoryAdapter();
    const seen: LoginRecord[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = parseResponse(LoginPage, await a.loginHistory.list({ cursor, limit: 20 }));
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(seen.length, 45);
    assert.equal(new Set(seen.map((r) => r.at)).size, 45);
    assert.ok(seen.every((r, i) => i === 0 || r.at < seen[i - 1].at), 'newest first');
    assert.ok(seen.filter((r) => !r.success).length >= 5);
    await adapterError(a.loginHistory.list({ cursor: 'bogus' }), 'validation');
    await adapterError(a.loginHistory.list({ limit: 0 }), 'validation');
  });

  test('sessions: revoke others, not the current one', async () => {
    const a = createMemoryAdapter();
    await adapterError(a.sessions.revoke('ses-1'), 'forbidden');
    await a.sessions.revoke('ses-2');
    assert.deepEqual((await a.sessions.list()).map((s) => s.id), ['ses-1', 'ses-3']);
    await adapterError(a.sessions.revoke('ses-2'), 'not_found');
  });

  test('users: invite, change role, the owner stays', async () => {
    const a = createMemoryAdapter();
    const invited = await a.users.invite({ email: 'new@example.nl', role: 'admin' });
    assert.deepEqual({ ...invited, id: '' }, { id: '', email: 'new@example.nl', role: 'admin', status: 'invited' });
    await adapterError(a.users.invite({ email: 'new@example.nl', role: 'user' }), 'validation');
    await adapterError(a.users.invite({ email: 'boss@example.nl', role: 'owner' }), 'validation');
    assert.deepEqual(await a.users.updateRole(invited.id, 'user'), { ...invited, role: 'user' });
    await adapterError(a.users.updateRole('usr-1', 'user'), 'forbidden');
    await adapterError(a.users.remove('usr-1'), 'forbidden');
    await a.users.remove(invited.id);
    await adapterError(a.users.remove('nobody'), 'not_found');
    assert.equal((await a.users.list()).length, 3);
  });

  test('privacy: export request and deletion with username confirmation', async () => {
    const a = createMemoryAdapter();
    const state = await a.privacy.requestExport();
    assert.equal(state?.exports[0].status, 'pending');
    const e = await adapterError(a.privacy.requestDeletion({ confirmation: 'delete' }), 'validation');
    assert.deepEqual(e.fieldErrors, { confirmation: 'mismatch' });
    assert.equal((await a.privacy.get()).deletion, undefined);
    await a.privacy.requestDeletion({ confirmation: 'jdevries' });
    const after = parseResponse(PrivacyState, await a.privacy.get());
    assert.equal(after.deletion?.status, 'scheduled');
  });

  test('tickets number from T-1001; panel reset; referral request; low balance', async () => {
    const a = createMemoryAdapter({ account: 'individual-resident' });
    assert.equal((await a.tickets.create({ subject: 'Country', body: 'Please change my country' })).id, 'T-1001');
    assert.equal((await a.tickets.create({ subject: 'Again', body: 'Second' })).id, 'T-1002');
    await adapterError(a.tickets.create({ subject: '', body: 'x' }), 'validation');
    assert.deepEqual(a.control.snapshot().userSettings, { savedFilters: 3, orderForms: 2 });
    await a.panel.resetUserSettings();
    assert.deepEqual(a.control.snapshot().userSettings, { savedFilters: 0, orderForms: 0 });
    assert.deepEqual(await a.referral.requestParticipation(), { status: 'requested' });
    assert.deepEqual(await a.referral.get(), { status: 'requested' });
    assert.equal((await a.balance.get()).lowBalance, true);
  });
});
