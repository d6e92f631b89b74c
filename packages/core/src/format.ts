/** Locale-aware formatting shared by elements and the server; DOM-free (Intl only). */

// Building an Intl formatter costs tens of microseconds, far more than formatting with it, and
// renders ask for the same few again and again: one per kind, locale and options. Bounded, since
// locales and options come from a short list (a currency code from data at most).
const formatters = new Map<string, object>();

function cached<T extends object>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (f) return f;
  f = make(); // an invalid locale or option throws here, as the constructor would, and is not kept
  if (formatters.size >= 256) formatters.clear();
  formatters.set(key, f);
  return f;
}

export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${locale}|${JSON.stringify(options ?? {})}`, () => new Intl.DateTimeFormat(locale, options));
}

export function displayNames(locale: string, type: Intl.DisplayNamesType): Intl.DisplayNames {
  return cached(`x|${locale}|${type}`, () => new Intl.DisplayNames([locale], { type }));
}

export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

/** Minor units of a currency (2 for EUR, 0 for JPY), as Intl knows them. */
export function currencyDigits(currency: string): number {
  let n = digits.get(currency);
  if (n !== undefined) return n;
  try {
    n = numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    n = 2;
  }
  if (digits.size >= 256) digits.clear();
  digits.set(currency, n);
  return n;
}
const digits = new Map<string, number>();

export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // An unknown currency code still shows the amount and the code rather than failing.
    return `${formatNumber(amount, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
  }
}

export function formatDateTime(iso: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(locale, options).format(date);
}

export function formatDate(iso: string, locale: string): string {
  return formatDateTime(iso, locale, { dateStyle: 'medium' });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

export function formatRelativeTime(iso: string, locale: string, now: number = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const seconds = Math.round((t - now) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? (['second', 1] as const);
  return cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(Math.round(seconds / size), unit);
}

export function languageName(code: string, displayLocale: string): string {
  try {
    const name = displayNames(displayLocale, 'language').of(code);
    return name ? name.charAt(0).toLocaleUpperCase(displayLocale) + name.slice(1) : code;
  } catch {
    return code;
  }
}

export function currencyName(code: string, displayLocale: string): string {
  try {
    return displayNames(displayLocale, 'currency').of(code) ?? code;
  } catch {
    return code;
  }
}
