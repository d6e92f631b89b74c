/** Russian identifiers: INN, KPP, OGRN / OGRNIP, BIC, bank accounts bound to a BIC, passport. */
import { compact, digitsCheck, fail, mod, ok, weighted, type ValidationResult } from './result.js';

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const innDigit = (s: string, w: readonly number[]) => (weighted(s, w) % 11) % 10;

/**
 * INN (taxpayer number): 10 digits for organisations (`legal`), 12 for people and sole traders
 * (`person`), with one or two check digits.
 */
export function validateInn(v: unknown, kind?: 'legal' | 'person'): ValidationResult {
  const s = compact(v);
  const lengths = kind === 'legal' ? [10] : kind === 'person' ? [12] : [10, 12];
  const bad = digitsCheck(s, lengths);
  if (bad) return bad;
  const valid =
    s.length === 10
      ? innDigit(s, INN10) === Number(s[9])
      : innDigit(s, INN11) === Number(s[10]) && innDigit(s, INN12) === Number(s[11]);
  return valid ? ok(s) : fail('checksum');
}

/** KPP (registration reason code): tax office (4 digits), reason (2 digits or letters), number (3). */
export function validateKpp(v: unknown): ValidationResult {
  const s = compact(v);
  if (s === '') return fail('required');
  if (s.length !== 9) return fail('length');
  if (!/^\d{4}[\dA-Z]{2}\d{3}$/.test(s)) return fail('format');
  return /^0+$/.test(s) ? fail('all_zeros') : ok(s);
}

/** OGRN (PSRN) of an organisation: 13 digits, the last is (first 12 mod 11) mod 10. */
export function validateOgrn(v: unknown): ValidationResult {
  const s = compact(v);
  const bad = digitsCheck(s, [13]);
  if (bad) return bad;
  return (mod(s.slice(0, 12), 11) % 10) === Number(s[12]) ? ok(s) : fail('checksum');
}

/** OGRNIP of a sole trader: 15 digits, the last is (first 14 mod 13) mod 10. */
export function validateOgrnip(v: unknown): ValidationResult {
  const s = compact(v);
  const bad = digitsCheck(s, [15]);
  if (bad) return bad;
  return (mod(s.slice(0, 14), 13) % 10) === Number(s[14]) ? ok(s) : fail('checksum');
}

/** BIC of a Russian bank: 9 digits, country code 04 (credit institutions) or 00 (treasury). */
export function validateBic(v: unknown): ValidationResult {
  const s = compact(v);
  const bad = digitsCheck(s, [9]);
  if (bad) return bad;
  return /^0[04]/.test(s) ? ok(s) : fail('format');
}

const ACCOUNT_WEIGHTS = Array.from({ length: 23 }, (_, i) => [7, 1, 3][i % 3] ?? 0);

/** The Bank of Russia control key: 23 digits (3 from the BIC + 20 of the account) x 7,1,3 = 0 mod 10. */
function accountKey(account: unknown, bic: unknown, prefix: (bic: string) => string): ValidationResult {
  const s = compact(account);
  const bad = digitsCheck(s, [20]);
  if (bad) return bad;
  const b = validateBic(bic);
  if (!b.ok) return fail('bic_required');
  return weighted(prefix(b.value) + s, ACCOUNT_WEIGHTS) % 10 === 0 ? ok(s) : fail('checksum');
}

/** Correspondent account: keyed with "0" + digits 5-6 of the BIC (the settlement centre). */
export function validateCorrespondentAccount(account: unknown, bic: unknown): ValidationResult {
  const r = accountKey(account, bic, (b) => `0${b.slice(4, 6)}`);
  // A bank's correspondent account ends with the last three digits of its BIC (not the treasury's).
  const b = compact(bic);
  return r.ok && b.startsWith('04') && r.value.slice(17) !== b.slice(6) ? fail('bic_mismatch') : r;
}

/**
 * Settlement account: keyed with the last 3 digits of the BIC. Treasury accounts (BIC 00...,
 * account 03...) are keyed like accounts at a settlement centre.
 */
export function validateSettlementAccount(account: unknown, bic: unknown): ValidationResult {
  const first = accountKey(account, bic, (b) => b.slice(6));
  if (first.ok || first.reason !== 'checksum') return first;
  return compact(bic).startsWith('00') ? accountKey(account, bic, (b) => `0${b.slice(4, 6)}`) : first;
}

/** Russian internal passport: series (4 digits) and number (6 digits). No check digit exists. */
export function validateRuPassport(v: unknown): ValidationResult {
  const s = compact(v).replace(/№/g, '');
  const bad = digitsCheck(s, [10]);
  return bad ?? ok(`${s.slice(0, 4)} ${s.slice(4)}`);
}
