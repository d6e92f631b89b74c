/**
 * Money as people type it: locale grouping and decimal separators (`1 500,50` in ru,
 * `1,500.50` in en), at most the currency's minor units, never negative. Parsing goes through
 * whole minor units so the number stored is the nearest double to the decimal typed, and
 * formatting back gives the same text (0.1 + 0.2 never shows as 0.30000000000000004).
 */
import { currencyDigits, numberFormat } from '../format.js';

export type MoneyReason = 'empty' | 'not_a_number' | 'negative' | 'too_precise' | 'too_large';
export type MoneyResult = { ok: true; value: number } | { ok: false; reason: MoneyReason };

function separators(locale: string): { group: string; decimal: string } {
  const parts = numberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

const SPACES = /[\s\u00a0\u202f\u2009']/g;

export function parseMoney(text: string, locale: string, currency: string): MoneyResult {
  // NFKC folds full-width digits and other look-alikes to ASCII.
  let t = text.normalize('NFKC').replace(SPACES, '');
  if (t === '') return { ok: false, reason: 'empty' };
  if (/^[-\u2212]/.test(t)) return { ok: false, reason: 'negative' };
  const { group, decimal } = separators(locale);
  if (group.trim() !== '') t = t.split(group).join(group === decimal ? group : '');
  // Accept the other common decimal mark when it cannot be a group separator here.
  if (decimal !== '.' && !t.includes(decimal) && /^\d*\.\d*$/.test(t)) t = t.replace('.', decimal);
  if (decimal !== ',' && !t.includes(decimal) && /^\d*,\d{1,2}$/.test(t) && group !== ',') t = t.replace(',', decimal);
  const m = new RegExp(`^(\\d+)?(?:${decimal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d*))?$`).exec(t);
  if (!m || (m[1] === undefined && !m[2])) return { ok: false, reason: 'not_a_number' };
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? '';
  const digits = currencyDigits(currency);
  if (fraction.replace(/0+$/, '').length > digits) return { ok: false, reason: 'too_precise' };
  if (whole.replace(/^0+/, '').length > 13) return { ok: false, reason: 'too_large' };
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  return { ok: true, value: Number(minor) / 10 ** digits };
}

/** The text an input shows for a stored amount: grouped, with exactly the currency's minor units. */
export function formatMoneyInput(value: number, locale: string, currency: string): string {
  const digits = currencyDigits(currency);
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
