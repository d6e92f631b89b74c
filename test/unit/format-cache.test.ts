// Intl formatters are built once per kind, locale and options (issue 10: renders asked for a new
// one every time, which cost more than the rest of a keystroke's render).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { currencyDigits, dateTimeFormat, displayNames, formatDateTime, formatMoney, numberFormat } from '@acct/core';

describe('cached Intl formatters', () => {
  it('returns the same formatter for the same locale and options, another for other options', () => {
    assert.equal(numberFormat('ru', { style: 'percent' }), numberFormat('ru', { style: 'percent' }));
    assert.notEqual(numberFormat('ru', { style: 'percent' }), numberFormat('en', { style: 'percent' }));
    assert.notEqual(numberFormat('ru', { style: 'percent' }), numberFormat('ru'));
    assert.equal(dateTimeFormat('en', { dateStyle: 'long' }), dateTimeFormat('en', { dateStyle: 'long' }));
    assert.equal(displayNames('ru', 'region'), displayNames('ru', 'region'));
    assert.notEqual(displayNames('ru', 'region'), displayNames('ru', 'language'));
  });

  it('formats as a fresh formatter would, and still throws on a bad option', () => {
    assert.equal(numberFormat('en', { style: 'percent' }).format(0.05), new Intl.NumberFormat('en', { style: 'percent' }).format(0.05));
    assert.equal(formatDateTime('2025-03-01T10:00:00Z', 'en', { dateStyle: 'medium', timeZone: 'UTC' }), 'Mar 1, 2025');
    assert.equal(displayNames('en', 'region').of('RU'), 'Russia');
    assert.throws(() => numberFormat('en', { style: 'currency' }), TypeError);
    assert.throws(() => numberFormat('en', { style: 'currency' }), TypeError);
  });

  it('keeps currency minor units and the fallback for an unknown currency', () => {
    assert.equal(currencyDigits('JPY'), 0);
    assert.equal(currencyDigits('JPY'), 0);
    assert.equal(currencyDigits('EUR'), 2);
    assert.equal(currencyDigits('not a code'), 2);
    assert.match(formatMoney(1500.5, 'XXQ', 'en'), /1,500\.50/);
  });
});
