// The phone module's own as-you-type formatter against libphonenumber's AsYouType, and its
// validation against the full (`max`) metadata, over a corpus of every country's numbers
// (test/fixtures/phone-corpus.json, written by scripts/phone-corpus.mjs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { AsYouType, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/mobile';
import { formatPhoneAsYouType, validatePhone } from '@acct/core/phone';

interface Entry {
  country: CountryCode;
  e164: string;
  type: string | null;
  national: string | null;
}
const corpus: Entry[] = JSON.parse(readFileSync(new URL('../fixtures/phone-corpus.json', import.meta.url), 'utf8'));
const prefixes = (s: string) => Array.from({ length: s.length }, (_, i) => s.slice(0, i + 1));
const digitsOf = (s: string) => s.normalize('NFKC').replace(/\D/g, '');

describe('phone corpus', () => {
  it('covers mobiles and landlines of every country', () => {
    assert.ok(new Set(corpus.map((e) => e.country)).size >= 240);
    assert.ok(corpus.filter((e) => e.type === 'MOBILE').length >= 200);
    assert.ok(corpus.filter((e) => e.type === 'FIXED_LINE').length >= 400);
  });
});

describe('formatPhoneAsYouType', () => {
  it('matches AsYouType on every keystroke of international numbers', () => {
    const differences: string[] = [];
    for (const { e164 } of corpus) {
      for (const typed of prefixes(e164)) {
        const expected = new AsYouType().input(typed);
        if (formatPhoneAsYouType(typed) !== expected) differences.push(`${typed}: ${formatPhoneAsYouType(typed)} ≠ ${expected}`);
      }
    }
    assert.deepEqual(differences.slice(0, 10), []);
  });

  it('matches AsYouType on every keystroke of national numbers, with and without the national prefix', () => {
    const differences: string[] = [];
    let checked = 0;
    for (const { country, e164, national } of corpus) {
      const significant = e164.slice(1 + getCountryCallingCode(country).length);
      const withPrefix = digitsOf(national ?? '');
      for (const number of new Set([withPrefix, significant].filter(Boolean))) {
        for (const typed of prefixes(number)) {
          checked++;
          const expected = new AsYouType(country).input(typed);
          const actual = formatPhoneAsYouType(typed, country);
          if (actual !== expected) differences.push(`${country} ${typed}: ${actual} ≠ ${expected}`);
        }
      }
    }
    assert.ok(checked > 5000);
    assert.deepEqual(differences.slice(0, 10), []);
  });

  it('gives the same display when each keystroke lands on the text shown so far, as in the input', () => {
    for (const { country, e164, national } of corpus) {
      for (const [number, region] of [[e164, undefined], [digitsOf(national ?? ''), country]] as const) {
        let shown = '';
        for (const typed of prefixes(number)) {
          shown = formatPhoneAsYouType(shown + typed.at(-1), region);
          assert.equal(shown, formatPhoneAsYouType(typed, region), `${region} ${typed}`);
        }
      }
    }
  });

  it('formats the usual ways of typing a number', () => {
    assert.equal(formatPhoneAsYouType('+7916123'), '+7 916 123');
    assert.equal(formatPhoneAsYouType('+79161234567'), '+7 916 123 45 67');
    assert.equal(formatPhoneAsYouType('89161234567', 'RU'), '8 (916) 123-45-67');
    assert.equal(formatPhoneAsYouType('8916', 'RU'), '8 (916)');
    assert.equal(formatPhoneAsYouType('9161234567', 'ru'), '916 123-45-67');
    assert.equal(formatPhoneAsYouType('2133734253', 'US'), '(213) 373-4253');
    assert.equal(formatPhoneAsYouType('+4930123456'), '+49 30 123456');
    assert.equal(formatPhoneAsYouType('07400123456', 'GB'), '07400 123456');
    assert.equal(formatPhoneAsYouType('+', 'RU'), '+');
    assert.equal(formatPhoneAsYouType('', 'RU'), '');
  });

  it('keeps what it cannot place as typed digits: no country, unknown calling code, call prefixes, too long', () => {
    assert.equal(formatPhoneAsYouType('8 916 123'), '8916123');
    assert.equal(formatPhoneAsYouType('+999 123'), '+999123');
    assert.equal(formatPhoneAsYouType('916', 'XX'), '916');
    assert.equal(formatPhoneAsYouType('1'.repeat(20), 'RU'), '1'.repeat(20));
    assert.equal(digitsOf(formatPhoneAsYouType('810 49 30 123456', 'RU')), '8104930123456');
  });

  it('never loses or changes a digit and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/)),
        fc.option(fc.constantFrom('RU', 'US', 'DE', 'GB', 'AR', 'BR', 'MX', 'IN', 'KZ', 'AI', 'zz')),
        (typed, country) => {
          const out = formatPhoneAsYouType(typed, country ?? undefined);
          assert.equal(digitsOf(out), digitsOf(typed));
        },
      ),
    );
  });
});

describe('validatePhone over the corpus', () => {
  it('agrees with the full metadata on which numbers can be mobile', () => {
    const wrong: string[] = [];
    for (const { country, e164, type } of corpus) {
      const result = validatePhone(e164);
      const canBeMobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
      if (!result.ok) wrong.push(`${e164} (${country} ${type}): ${result.reason}`);
      else if ((result.type === 'MOBILE') !== canBeMobile) wrong.push(`${e164} (${country} ${type}): ${result.type}`);
      else if (result.value !== e164) wrong.push(`${e164}: ${result.value}`);
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });

  it('normalises national input to the same E.164 and offers SMS only to mobiles', () => {
    const wrong: string[] = [];
    for (const { country, e164, type, national } of corpus) {
      if (!national) continue;
      const result = validatePhone(national, { defaultCountry: country, mobileOnly: true });
      const canBeMobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
      if (canBeMobile ? !(result.ok && result.value === e164) : result.ok || result.reason !== 'not_mobile') {
        wrong.push(`${country} ${national}: ${JSON.stringify(result)}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });

  it('rejects numbers one digit short of a mobile', () => {
    let rejected = 0;
    const mobiles = corpus.filter((e) => e.type === 'MOBILE');
    for (const { e164 } of mobiles) {
      const result = validatePhone(e164.slice(0, -1), { mobileOnly: true });
      if (!result.ok) rejected++;
    }
    // A shorter number can itself be a valid mobile where lengths vary (Germany, Austria…).
    assert.ok(rejected / mobiles.length > 0.9, `${rejected} of ${mobiles.length}`);
  });
});
