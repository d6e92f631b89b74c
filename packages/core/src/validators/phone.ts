/**
 * Phone numbers with libphonenumber-js and its `mobile` metadata set: it knows which numbers
 * can be mobile (so SMS is offered only where it can arrive), against `min` (which cannot tell
 * number types apart) and `max` (twice the metadata). Elements load this module lazily
 * (`import('@acct/core/phone')`), so pages without a phone field never download it.
 * With this set, `isValid()` holds for mobile numbers only; other numbers of a possible length
 * for their country are accepted as landlines, which can still be verified by a call.
 *
 * The library's `core` entry with explicit metadata, and our own as-you-type formatter instead of
 * its `AsYouType` (about 6 KB gzip of a 38 KB chunk): see `formatPhoneAsYouType` below.
 */
import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
  type NumberType,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.mobile.json';

export type PhoneReason = 'empty' | 'invalid_phone' | 'not_mobile' | 'invalid_country' | 'too_short' | 'too_long';

export interface PhoneInfo {
  /** E.164, the form stored and sent: `+79161234567`. */
  value: string;
  country: string | undefined;
  /** `MOBILE` when the number can receive SMS; undefined when it is not a mobile number. */
  type: NumberType | undefined;
  /** For display: `+7 916 123-45-67`. */
  international: string;
}

export type PhoneResult = ({ ok: true } & PhoneInfo) | { ok: false; reason: PhoneReason };

export interface PhoneOptions {
  defaultCountry?: string;
  /** Reject numbers that cannot be mobile (SMS verification). */
  mobileOnly?: boolean;
}

function asCountry(code: string | undefined): CountryCode | undefined {
  const upper = code?.toUpperCase();
  return upper && (getCountries(metadata) as string[]).includes(upper) ? (upper as CountryCode) : undefined;
}

function parse(text: string, country: CountryCode | undefined) {
  try {
    return parsePhoneNumberFromString(text, { defaultCountry: country }, metadata);
  } catch {
    return undefined;
  }
}

/** Never throws: every string gets a result. */
export function validatePhone(input: string, options: PhoneOptions = {}): PhoneResult {
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (options.defaultCountry && !asCountry(options.defaultCountry) && !text.startsWith('+')) return { ok: false, reason: 'invalid_country' };
  const digits = text.replace(/\D/g, '');
  if (digits.length > 17) return { ok: false, reason: 'too_long' };
  const parsed = parse(text, asCountry(options.defaultCountry));
  // Four digits can be a whole number (Niue, Tokelau, Tristan da Cunha); elsewhere so few are a start.
  if (digits.length < 5 && !parsed?.isPossible()) return { ok: false, reason: 'too_short' };
  if (!parsed) return { ok: false, reason: 'invalid_phone' };
  // The mobile metadata validates mobile ranges only; any other number of a possible length for
  // its country (a landline) is accepted as "not mobile": it can still take a verification call.
  const mobile = parsed.isValid();
  if (!mobile && !parsed.isPossible()) return { ok: false, reason: 'invalid_phone' };
  const type: NumberType | undefined = mobile ? 'MOBILE' : undefined;
  if (options.mobileOnly && !mobile) return { ok: false, reason: 'not_mobile' };
  return { ok: true, value: parsed.number, country: parsed.country, type, international: parsed.formatInternational() };
}

// The minified metadata's arrays (libphonenumber-js metadata v4): a numbering plan is
// [callingCode, idd, nationalPattern, lengths, formats, nationalPrefix, nationalPrefixRule, ...,
// nationalPrefixOptional (9)]; a format is [pattern, format, leadingDigits[], nationalPrefixRule,
// nationalPrefixOptional, internationalFormat]. 0 stands for "absent".
type Format = [string, string, (string[] | 0)?, (string | 0)?, (number | 0)?, (string | 0)?];
type Plan = [string, string, string, number[], (Format[] | 0)?, (string | 0)?, (string | 0)?, unknown?, unknown?, (number | 0)?];

const plans = metadata as unknown as { countries: Partial<Record<string, Plan>>; nonGeographic: Partial<Record<string, Plan>> };

/** The plan holding the formats of a calling code: the main country's (US for +1, RU for +7). */
function planFor(callingCode: string): Plan | undefined {
  const main: string | undefined = metadata.country_calling_codes[callingCode]?.[0];
  return main === '001' ? plans.nonGeographic[callingCode] : main ? plans.countries[main] : undefined;
}

/** Keeps a bracket only when its pair is kept too: `8 (916` reads better as `8 916`. */
function stripUnpairedParens(text: string): string {
  const open: number[] = [];
  const drop = new Set<number>();
  [...text].forEach((c, i) => {
    if (c === '(') open.push(i);
    else if (c === ')' && open.pop() === undefined) drop.add(i);
  });
  for (const i of open) drop.add(i);
  return [...text].filter((_, i) => !drop.has(i)).join('');
}

/**
 * Whether a format's leading-digits pattern fits the digits typed so far. Like AsYouType, the
 * n-th pattern is tried after n + 3 digits; before 3 digits, any completion to 3 that fits counts.
 */
function leadingDigitsFit(patterns: string[] | 0 | undefined, digits: string): boolean {
  if (!patterns || !patterns.length) return true;
  const re = new RegExp(`^(?:${patterns[Math.min(Math.max(digits.length - 3, 0), patterns.length - 1)]})`);
  if (digits.length >= 3) return re.test(digits);
  const free = 3 - digits.length;
  for (let k = 0; k < 10 ** free; k++) if (re.test(digits + String(k).padStart(free, '0'))) return true;
  return false;
}

/**
 * The national part formatted with one of the plan's formats, or undefined when none fits.
 * Follows libphonenumber's as-you-type rules: a complete number takes the format whose pattern
 * matches it; a partial one takes a template built from the longest number the pattern allows
 * (`xxx xxx-xx-xx`), filled with the digits typed and cut after the last one. A typed national
 * prefix is placed by the national prefix formatting rule (`8 ($1)`) when the format has one.
 */
function formatNational(plan: Plan | undefined, national: string, nationalPrefix: string, international: boolean): string | undefined {
  if (!plan) return undefined;
  for (const f of plan[4] || []) {
    const [pattern, format, leading, ownRule, ownOptional, intl] = f;
    const rule = ownRule || plan[6] || '';
    const usesPrefix = !!rule && !/^\(?\$1\)?$/.test(rule);
    const optional = !!(ownOptional || plan[9]);
    // A typed national prefix needs a format that can show it; without one, a format that
    // requires it is not for this number.
    if (nationalPrefix ? !usesPrefix && !optional : !international && usesPrefix && !optional) continue;
    if (!leadingDigitsFit(leading, national)) continue;
    let numberFormat = international ? intl || format : format;
    let prefixInFormat = false;
    if (rule && (usesPrefix ? !!nationalPrefix : !international) && rule.replace(/\D/g, '') === `${nationalPrefix}1`) {
      numberFormat = numberFormat.replace(/(\$\d)/, rule);
      prefixInFormat = true;
    }
    let text: string | undefined;
    const shown = prefixInFormat ? '' : nationalPrefix;
    if (new RegExp(`^(?:${pattern})$`).test(national)) {
      text = national.replace(new RegExp(pattern), numberFormat);
    } else {
      if (pattern.includes('|')) continue;
      // Character classes and literal digits become \d: the template only needs group lengths.
      const generic = pattern.replace(/\[([^[\]])*\]/g, '\\d').replace(/\d(?=[^,}][^,}])/g, '\\d');
      let dummy = '999999999999999'.match(generic)?.[0];
      if (!dummy || national.length > dummy.length) continue;
      const typed = national.replace(/\d/g, '9');
      if (new RegExp(`^${generic}$`).test(typed)) dummy = typed;
      const prefixMasked = prefixInFormat ? [...nationalPrefix].reduce((f) => f.replace(/\d/, 'x'), numberFormat) : numberFormat;
      let filled = dummy.replace(new RegExp(generic), prefixMasked).replace(/9/g, 'x');
      let last = -1;
      for (const d of (prefixInFormat ? nationalPrefix : '') + national) {
        last = filled.indexOf('x');
        if (last < 0) break;
        filled = filled.slice(0, last) + d + filled.slice(last + 1);
      }
      if (last < 0) continue;
      // Cut after the last digit typed, keeping a bracket that closes right there.
      text = filled.slice(0, last + (filled[last + 1] === ')' ? 2 : 1));
      text = stripUnpairedParens(text);
    }
    if (shown) text = shown + (plan[0] === '1' || /[- ]/.test(rule) ? ' ' : '') + text;
    // International numbers use spaces only: `+7 916 123 45 67` rather than dashes or brackets.
    return international ? text.replace(/[-\s./()[\]~]+/g, ' ').trim() : text;
  }
  return undefined;
}

/**
 * Formats a number as it is typed (`+7 916 123`), for the input's live display. A small
 * replacement for libphonenumber's AsYouType (a sixth of the chunk) built on the same metadata
 * formats; a unit test compares the two over every country's numbers. Input it cannot place
 * (no country, an international call prefix) comes back as its digits, so nothing typed is lost.
 */
export function formatPhoneAsYouType(input: string, defaultCountry?: string): string {
  const text = input.normalize('NFKC').trim();
  const digits = text.replace(/\D/g, '');
  const international = text.startsWith('+');
  if (!digits) return international ? '+' : '';
  if (digits.length > 17) return (international ? '+' : '') + digits;
  if (international) {
    const callingCode = [1, 2, 3].map((n) => digits.slice(0, n)).find((c) => metadata.country_calling_codes[c]);
    if (!callingCode) return `+${digits}`;
    const national = digits.slice(callingCode.length);
    if (!national) return `+${callingCode}`;
    const result = `+${callingCode} ${formatNational(planFor(callingCode), national, '', true) ?? national}`;
    return sameDigits(result, digits) ? result : `+${digits}`;
  }
  const country = asCountry(defaultCountry);
  if (!country) return digits;
  // The national prefix (8 in Russia, 0 in most of Europe, 1 in North America) as the country's
  // metadata describes it, some with a rule that rewrites the number (Argentina's 0 11 15…,
  // seven-digit local numbers in the Caribbean); failing that, the digits as they are.
  const own = plans.countries[country];
  const forParsing = own?.[7] || own?.[5];
  const prefixRe = new RegExp(`^(?:${String(forParsing)})`);
  const match = forParsing ? prefixRe.exec(digits) : null;
  const readings: [string, string][] = [];
  if (match && own?.[8] && match[match.length - 1]) {
    const before = digits.slice(0, digits.indexOf(match[1] ?? ''));
    readings.push([digits.replace(prefixRe, String(own[8])), before === own[5] ? before : '']);
  } else if (match) readings.push([digits.slice(match[0].length), match[0]]);
  readings.push([digits, '']);
  const plan = planFor(getCountryCallingCode(country, metadata));
  for (const [national, nationalPrefix] of readings) {
    if (!national) return digits;
    const result = formatNational(plan, national, nationalPrefix, false);
    if (result && sameDigits(result, digits)) return result;
  }
  return digits;
}

// Formatting only ever adds separators: a reading that would change a digit is not taken.
const sameDigits = (text: string, digits: string) => text.replace(/\D/g, '') === digits;

/** Countries with their calling codes, for the country selector. */
export function phoneCountries(): { code: string; callingCode: string }[] {
  return getCountries(metadata).map((code) => ({ code, callingCode: getCountryCallingCode(code, metadata) }));
}
