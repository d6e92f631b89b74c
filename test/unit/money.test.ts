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
    assert.deepEqual(parseMoney('10.5', 'en', 'JPY'), { ok: false, reason: 'whole_amount' });
    assert.deepEqual(parseMoney('10.00', 'en', 'JPY'), { ok: true, value: 10 });
    assert.deepEqual(parseMoney('10.50', 'en', 'USD'), { ok: true, value: 10.5 });
    assert.deepEqual(parseMoney('99999999999999', 'en', 'USD'), { ok: false, reason: 'too_large' });
  });

  it('accepts group separators only where the locale puts them, and only before the decimal mark', () => {
    const ok = (text: string, locale: string, value: number): void =>
      assert.deepEqual(parseMoney(text, locale, 'USD'), { ok: true, value }, `${text} in ${locale}`);
    const grouping = (text: string, locale: string): void =>
      assert.deepEqual(parseMoney(text, locale, 'USD'), { ok: false, reason: 'grouping' }, `${text} in ${locale}`);
    // en: a comma groups three digits; anything else is not silently read as a larger amount.
    ok('1,500.50', 'en', 1500.5);
    ok('1,234,567', 'en', 1234567);
    ok('123,456.5', 'en', 123456.5);
    ok('1 500.50', 'en', 1500.5);
    for (const text of ['1,50', '12,5', '1,5000', '1 500,50', '1234,567', ',500', '1,,500', '1,500,', '1.500,5', '1,500.5,0']) grouping(text, 'en');
    // ru: spaces group, comma (or a point) is the decimal mark; de-style points are refused.
    ok('1 234 567,89', 'ru', 1234567.89);
    ok('12,5', 'ru', 12.5);
    ok('1 500.50', 'ru', 1500.5);
    for (const text of ['1.500,50', '1,500.50', '1 5', '15 00', '1 500,5 0']) grouping(text, 'ru');
    // de-DE: points group, comma is the decimal mark, so a lone point is never a decimal.
    ok('1.500,50', 'de-DE', 1500.5);
    ok('1.234.567', 'de-DE', 1234567);
    ok('1500,5', 'de-DE', 1500.5);
    for (const text of ['1.5', '1500.50', '1,500.50', '1.50.000']) grouping(text, 'de-DE');
    // en-IN: lakh grouping as Intl formats it (12,34,567), not thousands.
    ok('12,34,567.50', 'en-IN', 1234567.5);
    ok('1,50,000', 'en-IN', 150000);
    ok('1,234', 'en-IN', 1234);
    for (const text of ['1,234,567', '150,000', '1,50', '1,5,000']) grouping(text, 'en-IN');
  });

  it('round-trips any amount with the currency minor units exactly, in both locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('USD', 'RUB', 'JPY', 'KWD'), fc.constantFrom('en', 'ru', 'de-DE', 'en-IN', 'de-CH', 'fr'), (minor, currency, locale) => {
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
