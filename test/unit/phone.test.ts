import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatPhoneAsYouType, phoneCountries, validatePhone } from '@acct/core/phone';

describe('validatePhone', () => {
  it('normalises Russian mobiles written every usual way to E.164', () => {
    for (const text of ['+7 916 123-45-67', '8 (916) 123-45-67', '+7(916)1234567', '９１６ １２３ ４５ ６７']) {
      const r = validatePhone(text, { defaultCountry: 'RU' });
      assert.ok(r.ok, text);
      assert.equal(r.value, '+79161234567');
      assert.equal(r.type, 'MOBILE');
      assert.equal(r.country, 'RU');
    }
  });

  it('accepts a landline for a call but not for SMS', () => {
    const landline = validatePhone('+7 495 123-45-67');
    assert.ok(landline.ok);
    assert.equal(landline.type, undefined);
    assert.deepEqual(validatePhone('+7 495 123-45-67', { mobileOnly: true }), { ok: false, reason: 'not_mobile' });
  });

  it('explains bad input and never throws', () => {
    assert.deepEqual(validatePhone(''), { ok: false, reason: 'empty' });
    assert.deepEqual(validatePhone('12'), { ok: false, reason: 'too_short' });
    assert.deepEqual(validatePhone('1'.repeat(20)), { ok: false, reason: 'too_long' });
    assert.deepEqual(validatePhone('+7 916 12'), { ok: false, reason: 'invalid_phone' });
    assert.deepEqual(validatePhone('916 123 45 67', { defaultCountry: 'XX' }), { ok: false, reason: 'invalid_country' });
    fc.assert(fc.property(fc.string(), fc.option(fc.constantFrom('RU', 'US', 'DE', 'zz')), (s, c) => {
      const r = validatePhone(s, { defaultCountry: c ?? undefined });
      assert.equal(typeof r.ok, 'boolean');
    }));
  });

  it('formats as you type and lists countries with calling codes', () => {
    assert.equal(formatPhoneAsYouType('+7916123'), '+7 916 123');
    assert.ok(phoneCountries().some((c) => c.code === 'RU' && c.callingCode === '7'));
    assert.ok(phoneCountries().length > 200);
  });
});
