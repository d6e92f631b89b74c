import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatMoneyInput, parseMoney, validateEmail } from '@acct/core';

describe('parseMoney', () => {
  it('reads ru and en as people type them', () => {
    assert.deepEqual(parseMoney('1 500,50', 'ru', 'RUB'), { ok: true, value: 1500.5 });
    assert.deepEqual(parseMoney('1\u00a0500,50', 'ru', 'RUB'), { ok: true, value: 1500.5 });
    assert.deepEqual(parseMoney('1\u202f500,5', 'ru', 'RUB'), { ok: true, value: 1500.5 });
    assert.deepEqual(parseMoney('1500.50', 'ru', 'RUB'), { ok: true, value: 1500.5 });
    assert.deepEqual(parseMoney('1,500.50', 'en', 'USD'), { ok: true, value: 1500.5 });
    assert.deepEqual(parseMoney('1500', 'en', 'USD'), { ok: true, value: 1500 });
    assert.deepEqual(parseMoney('.5', 'en', 'USD'), { ok: true, value: 0.5 });
    assert.deepEqual(parseMoney('１５００', 'en', 'USD'), { ok: true, value: 1500 });
    assert.deepEqual(parseMoney('0.30', 'en', 'EUR'), { ok: true, value: 0.3 });
  });

  it('explains what is wrong', () => {
    assert.deepEqual(parseMoney('', 'en', 'USD'), { ok: false, reason: 'empty' });
    assert.deepEqual(parseMoney('  ', 'en', 'USD'), { ok: false, reason: 'empty' });
    assert.deepEqual(parseMoney('-5', 'en', 'USD'), { ok: false, reason: 'negative' });
    assert.deepEqual(parseMoney('−5', 'ru', 'RUB'), { ok: false, reason: 'negative' });
    assert.deepEqual(parseMoney('abc', 'en', 'USD'), { ok: false, reason: 'not_a_number' });
    assert.deepEqual(parseMoney('1e5', 'en', 'USD'), { ok: false, reason: 'not_a_number' });
    assert.deepEqual(parseMoney('1.2.3', 'en', 'USD'), { ok: false, reason: 'not_a_number' });
    assert.deepEqual(parseMoney('1.505', 'en', 'USD'), { ok: false, reason: 'too_precise' });
    assert.deepEqual(parseMoney('10.5', 'en', 'JPY'), { ok: false, reason: 'too_precise' });
    assert.deepEqual(parseMoney('10.50', 'en', 'USD'), { ok: true, value: 10.5 });
    assert.deepEqual(parseMoney('99999999999999', 'en', 'USD'), { ok: false, reason: 'too_large' });
  });

  it('round-trips any amount with the currency minor units exactly, in both locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('USD', 'RUB', 'JPY', 'KWD'), fc.constantFrom('en', 'ru'), (minor, currency, locale) => {
        const digits = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
        const value = minor / 10 ** digits;
        const text = formatMoneyInput(value, locale, currency);
        const parsed = parseMoney(text, locale, currency);
        assert.deepEqual(parsed, { ok: true, value });
        assert.equal(formatMoneyInput(parsed.ok ? parsed.value : NaN, locale, currency), text);
      }),
    );
  });

  it('formats with the locale separators and minor units', () => {
    assert.equal(formatMoneyInput(1500.5, 'en', 'USD'), '1,500.50');
    assert.match(formatMoneyInput(1500.5, 'ru', 'RUB'), /^1\s500,50$/);
    assert.equal(formatMoneyInput(0.1 + 0.2, 'en', 'EUR'), '0.30');
    assert.equal(formatMoneyInput(1500, 'en', 'JPY'), '1,500');
  });
});

describe('validateEmail', () => {
  it('accepts addresses and explains failures', () => {
    assert.deepEqual(validateEmail(' billing@example.com '), { ok: true, value: 'billing@example.com' });
    assert.deepEqual(validateEmail(''), { ok: false, reason: 'empty' });
    assert.deepEqual(validateEmail('billing@'), { ok: false, reason: 'invalid_email' });
    assert.deepEqual(validateEmail('a b@example.com'), { ok: false, reason: 'invalid_email' });
  });
});
