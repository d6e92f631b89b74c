/** International identifiers: SWIFT / BIC, IBAN (registry lengths, mod 97), EU VAT numbers. */
import { compact, fail, mod, ok, weighted, type ValidationResult } from './result.js';

/** SWIFT / BIC (ISO 9362): bank (4 letters), country (2 letters), location (2), optional branch (3). */
export function validateSwift(v: unknown): ValidationResult {
  const s = compact(v);
  if (s === '') return fail('required');
  if (s.length !== 8 && s.length !== 11) return fail('length');
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(s)) return fail('format');
  // Letters 5 and 6 are the bank's country (ISO 9362).
  return COUNTRIES.has(s.slice(4, 6)) ? ok(s) : fail('country');
}

/**
 * The assigned ISO 3166-1 alpha-2 codes (249), and XK (Kosovo), which SWIFT and the IBAN registry
 * use. Checked against Intl.DisplayNames' regions, less its exceptional and withdrawn ones.
 */
const COUNTRIES = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW').split(' '),
);

/** IBAN length per country, from the SWIFT IBAN registry. */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Letters count as 10..35 (ISO 7064 MOD 97-10 as ISO 13616 uses it). */
const lettersToDigits = (s: string) => s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));

/** IBAN (ISO 13616): known country, its registry length, check digits by mod 97. */
export function validateIban(v: unknown): ValidationResult {
  const s = compact(v);
  if (s === '') return fail('required');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return fail('format');
  const length = IBAN_LENGTHS[s.slice(0, 2)];
  if (length === undefined) return fail('country');
  if (s.length !== length) return fail('length');
  if (/^0+$/.test(s.slice(4))) return fail('all_zeros');
  return mod(lettersToDigits(s.slice(4) + s.slice(0, 4)), 97) === 1 ? ok(s) : fail('checksum');
}

type VatCheck = (n: string) => boolean;

const mod11Digit = (n: string, w: readonly number[]) => (11 - (weighted(n, w) % 11)) % 11;
const luhn = (n: string) => {
  let sum = 0;
  for (let i = 0; i < n.length; i++) {
    let d = Number(n[n.length - 1 - i]);
    if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
};

/** ISO 7064 MOD 11,10 (Germany, Croatia). */
const mod1110 = (n: string) => {
  let p = 10;
  for (let i = 0; i < n.length - 1; i++) {
    let s = (Number(n[i]) + p) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  return (11 - p) % 10 === Number(n[n.length - 1]);
};

/**
 * EU VAT number formats by prefix (Greece is EL), with the check digit algorithm where the
 * country publishes one; the rest are checked for their format only.
 */
const VAT: Record<string, { re: RegExp; check?: VatCheck }> = {
  AT: { re: /^U\d{8}$/, check: (n) => {
    const d = n.slice(1);
    let sum = 0;
    for (let i = 0; i < 7; i++) {
      const x = Number(d[i]) * (i % 2 ? 2 : 1);
      sum += x > 9 ? x - 9 : x;
    }
    return (96 - sum) % 10 === Number(d[7]);
  } },
  BE: { re: /^[01]\d{9}$/, check: (n) => 97 - (Number(n.slice(0, 8)) % 97) === Number(n.slice(8)) },
  BG: { re: /^\d{9,10}$/ },
  CY: { re: /^\d{8}[A-Z]$/ },
  CZ: { re: /^\d{8,10}$/ },
  DE: { re: /^\d{9}$/, check: mod1110 },
  DK: { re: /^\d{8}$/, check: (n) => weighted(n, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0 },
  EE: { re: /^10\d{7}$/, check: (n) => (10 - (weighted(n, [3, 7, 1, 3, 7, 1, 3, 7]) % 10)) % 10 === Number(n[8]) },
  EL: { re: /^\d{9}$/, check: (n) => {
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(n[i]) * 2 ** (8 - i);
    return (sum % 11) % 10 === Number(n[8]);
  } },
  ES: { re: /^[A-Z0-9]\d{7}[A-Z0-9]$/ },
  FI: { re: /^\d{8}$/, check: (n) => {
    const r = weighted(n, [7, 9, 10, 5, 8, 4, 2]) % 11;
    return r !== 1 && (r === 0 ? 0 : 11 - r) === Number(n[7]);
  } },
  FR: { re: /^[0-9A-Z]{2}\d{9}$/, check: (n) => {
    // Numeric keys are (12 + 3 x (SIREN mod 97)) mod 97; letter keys use another scheme.
    if (!/^\d{2}/.test(n)) return true;
    return (12 + 3 * (Number(n.slice(2)) % 97)) % 97 === Number(n.slice(0, 2)) && luhn(n.slice(2));
  } },
  HR: { re: /^\d{11}$/, check: mod1110 },
  HU: { re: /^\d{8}$/, check: (n) => weighted(n, [9, 7, 3, 1, 9, 7, 3, 1]) % 10 === 0 },
  IE: { re: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/ },
  IT: { re: /^\d{11}$/, check: luhn },
  LT: { re: /^(\d{9}|\d{12})$/ },
  LU: { re: /^\d{8}$/, check: (n) => Number(n.slice(0, 6)) % 89 === Number(n.slice(6)) },
  LV: { re: /^\d{11}$/ },
  MT: { re: /^\d{8}$/ },
  NL: { re: /^\d{9}B\d{2}$/, check: (n) => {
    // The 2020 sole-trader numbers follow ISO 7064 MOD 97-10 over "NL" + number; older ones mod 11.
    const d = n.slice(0, 9);
    return mod(lettersToDigits(`NL${n}`), 97) === 1 || weighted(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11 === Number(d[8]);
  } },
  PL: { re: /^\d{10}$/, check: (n) => weighted(n, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === Number(n[9]) },
  PT: { re: /^\d{9}$/, check: (n) => {
    const r = 11 - (weighted(n, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
    return (r >= 10 ? 0 : r) === Number(n[8]);
  } },
  RO: { re: /^\d{2,10}$/ },
  SE: { re: /^\d{10}01$/, check: (n) => luhn(n.slice(0, 10)) },
  SI: { re: /^[1-9]\d{7}$/, check: (n) => {
    const r = mod11Digit(n, [8, 7, 6, 5, 4, 3, 2]);
    return r !== 10 && r % 10 === Number(n[7]);
  } },
  SK: { re: /^[1-9]\d{9}$/, check: (n) => mod(n, 11) === 0 },
  XI: { re: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/ },
  GB: { re: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/ },
  CH: { re: /^E\d{9}(MWST|TVA|IVA)?$/, check: (n) => {
    const d = n.slice(1, 10);
    const r = mod11Digit(d, [5, 4, 3, 2, 7, 6, 5, 4]);
    return r !== 10 && r === Number(d[8]);
  } },
};

/** ISO 3166 country -> VAT prefix where they differ. */
const PREFIX: Record<string, string> = { GR: 'EL' };

/**
 * VAT identification number. The prefix comes from the number (`DE136695976`) or from `country`
 * (`validateVatin('136695976', 'DE')`). Countries without a known format accept 4-20 letters and
 * digits. The value comes back with its prefix.
 */
export function validateVatin(v: unknown, country?: string): ValidationResult {
  const s = compact(v);
  if (s === '') return fail('required');
  const given = /^[A-Z]{2}/.test(s) && (VAT[s.slice(0, 2)] || s.slice(0, 2) === PREFIX[country ?? ''] || s.slice(0, 2) === country?.toUpperCase())
    ? s.slice(0, 2)
    : undefined;
  const cc = compact(country);
  const prefix = given ?? (cc ? (PREFIX[cc] ?? cc) : undefined);
  if (!prefix) return fail('country');
  const number = given ? s.slice(2) : s;
  if (given && cc && (PREFIX[cc] ?? cc) !== given) return fail('country');
  const rule = VAT[prefix];
  if (!rule) return /^[A-Z0-9]{4,20}$/.test(number) ? ok(`${prefix}${number}`) : fail('format');
  if (!rule.re.test(number)) return fail('format');
  if (/^0+$/.test(number.replace(/\D/g, ''))) return fail('all_zeros');
  return !rule.check || rule.check(number) ? ok(`${prefix}${number}`) : fail('checksum');
}
