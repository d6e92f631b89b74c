/**
 * Every identifier validator returns this: the normalised value, or a stable reason code that
 * elements translate (and servers send back as a field error).
 */
export type ValidationReason =
  | 'required'
  | 'format'
  | 'length'
  | 'checksum'
  | 'all_zeros'
  | 'country'
  | 'bic_required'
  | 'bic_mismatch';

export type ValidationResult = { ok: true; value: string } | { ok: false; reason: ValidationReason };

export const ok = (value: string): ValidationResult => ({ ok: true, value });
export const fail = (reason: ValidationReason): ValidationResult => ({ ok: false, reason });

/**
 * The one normalisation of client and server: NFKC (full-width digits become ASCII), upper case,
 * spaces, dashes, dots and slashes removed. Never throws, whatever it is given.
 */
export function compact(v: unknown): string {
  if (typeof v !== 'string') return '';
  return v.normalize('NFKC').replace(/[\s\u00a0\u2010-\u2015\-./]/g, '').toUpperCase();
}

/** Digits only, of one of the allowed lengths, not all zeros; `null` when it passes. */
export function digitsCheck(s: string, lengths: readonly number[]): ValidationResult | null {
  if (s === '') return fail('required');
  if (!/^\d+$/.test(s)) return fail('format');
  if (!lengths.includes(s.length)) return fail('length');
  if (/^0+$/.test(s)) return fail('all_zeros');
  return null;
}

/** Weighted digit sum (weights aligned from the left). */
export function weighted(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return sum;
}

/** Remainder of a long digit string, computed in chunks so no precision is lost. */
export function mod(digits: string, m: number): number {
  let r = 0;
  for (let i = 0; i < digits.length; i += 7) r = Number(String(r) + digits.slice(i, i + 7)) % m;
  return r;
}
