/**
 * Money as people type it: locale grouping and decimal separators (`1 500,50` in ru,
 * `1,500.50` in en), at most the currency's minor units, never negative. Parsing goes through
 * whole minor units so the number stored is the nearest double to the decimal typed, and
 * formatting back gives the same text (0.1 + 0.2 never shows as 0.30000000000000004).
 */
import { currencyDigits, numberFormat } from '../format.js';

export type MoneyReason = 'empty' | 'not_a_number' | 'negative' | 'too_precise' | 'whole_amount' | 'too_large' | 'grouping';
export type MoneyResult = { ok: true; value: number } | { ok: false; reason: MoneyReason };

interface Grouping {
  group: string;
  decimal: string;
  /** Digits in the group next to the decimal mark (3), and in every group before it (3; 2 in en-IN). */
  primary: number;
  secondary: number;
}

/** The locale's separators and group sizes (numberFormat is cached; formatToParts of one number takes microseconds). */
function grouping(locale: string): Grouping {
  const parts = numberFormat(locale).formatToParts(1234567890.5);
  const ints = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  const part = (type: string): string | undefined => parts.find((p) => p.type === type)?.value.normalize('NFKC');
  return {
    group: part('group') ?? ',',
    decimal: part('decimal') ?? '.',
    primary: (ints.length > 1 && ints.at(-1)) || 3,
    secondary: (ints.length > 2 && ints.at(-2)) || 3,
  };
}

// Spaces (any width; NFKC folds them to U+0020) and apostrophes are never a decimal mark, so they
// are read as group separators in every locale; `,` and `.` only where they are the locale's own.
const NEUTRAL = /[ '\u2019]/;
const NUMERIC = /^[\d ',.\u2019]*$/;

/** The digits of the integer part, or why its group separators are not where the locale puts them. */
function integerDigits(text: string, g: Grouping): string | MoneyReason {
  if (/^\d*$/.test(text)) return text;
  if (!NUMERIC.test(text)) return 'not_a_number';
  const groups = text.split(/[^\d]/);
  const separators = text.replace(/\d/g, '');
  if (![...separators].every((c) => c === g.group || NEUTRAL.test(c))) return 'grouping';
  const last = groups.length - 1;
  const fits = groups.every((d, i) =>
    i === last ? d.length === g.primary : i === 0 ? d.length >= 1 && d.length <= g.secondary : d.length === g.secondary,
  );
  return fits ? groups.join('') : 'grouping';
}

/**
 * Reads an amount typed in `locale`. Group separators count only where the locale puts them
 * (`1,500.50` in en, `1 500,50` in ru, `1.500,50` in de, `1,50,000` in en-IN), and never after
 * the decimal mark: `1,50` in en is not 150 but a `grouping` error, since the user most likely
 * meant a decimal comma.
 */
export function parseMoney(text: string, locale: string, currency: string): MoneyResult {
  // NFKC folds full-width digits, no-break and thin spaces and other look-alikes to ASCII.
  const t = text.normalize('NFKC').trim().replace(/\s/g, ' ');
  if (t === '') return { ok: false, reason: 'empty' };
  if (/^[-\u2212]/.test(t)) return { ok: false, reason: 'negative' };
  const g = grouping(locale);
  let decimal = g.decimal;
  // Accept the other common decimal mark when it cannot be a group separator here
  // (`1500.50` in ru; `12,5` in a locale that groups with spaces).
  if (!t.includes(decimal)) {
    if (decimal !== '.' && g.group !== '.' && t.split('.').length === 2) decimal = '.';
    else if (decimal !== ',' && g.group !== ',' && /^[^,]*,\d{1,2}$/.test(t)) decimal = ',';
  }
  const [int = '', fraction = '', ...rest] = t.split(decimal);
  if (rest.length > 0) return { ok: false, reason: 'not_a_number' };
  if (!/^\d*$/.test(fraction)) return { ok: false, reason: NUMERIC.test(fraction) ? 'grouping' : 'not_a_number' };
  const whole = integerDigits(int, g);
  if (whole === 'not_a_number' || whole === 'grouping') return { ok: false, reason: whole };
  if (whole === '' && fraction === '') return { ok: false, reason: 'not_a_number' };
  const digits = currencyDigits(currency);
  // A currency without minor units (JPY) gets its own reason: "too precise" would not say why.
  if (fraction.replace(/0+$/, '').length > digits) return { ok: false, reason: digits ? 'too_precise' : 'whole_amount' };
  if (whole.replace(/^0+/, '').length > 13) return { ok: false, reason: 'too_large' };
  const minor = BigInt(whole || '0') * 10n ** BigInt(digits) + BigInt((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  return { ok: true, value: Number(minor) / 10 ** digits };
}

/** The text an input shows for a stored amount: grouped, with exactly the currency's minor units. */
export function formatMoneyInput(value: number, locale: string, currency: string): string {
  const digits = currencyDigits(currency);
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
