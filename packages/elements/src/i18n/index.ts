/**
 * Localization: @lit/localize in runtime mode. lit-localize may be configured once per page, so
 * this module owns the single configuration and every element and host goes through it.
 */
import { configureLocalization, LOCALE_STATUS_EVENT, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export { LOCALE_STATUS_EVENT };
export const SOURCE_LOCALE = sourceLocale;
export const SUPPORTED_LOCALES: readonly string[] = [sourceLocale, ...targetLocales];

/**
 * A static map, not a template-literal import: bundlers then emit each locale as its own lazy
 * chunk beside the bundle, and dev servers resolve it.
 */
const loaders: Record<string, () => Promise<LocaleModule>> = {
  ru: () => import('./generated/locales/ru.js'),
};

export interface LocalizationControls {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

let controls: LocalizationControls | undefined;

/**
 * Configures lit-localize for acct-widgets. A host that already configured lit-localize itself
 * passes its own `getLocale` / `setLocale` (whose `loadLocale` must serve our templates too; see
 * `loadAcctLocale`), since a second configuration throws.
 */
export function configureAcctLocalization(existing?: LocalizationControls): LocalizationControls {
  if (controls) return controls;
  controls =
    existing ??
    configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: loadAcctLocale,
    });
  return controls;
}

/** Loads one of our locale modules; exported for hosts that run lit-localize themselves. */
export function loadAcctLocale(locale: string): Promise<LocaleModule> {
  const load = loaders[locale];
  return load ? load() : Promise.reject(new Error(`acct-widgets: no locale ${locale}`));
}

/** Maps a BCP 47 tag (`ru-RU`, `EN`) to a shipped locale, or undefined. */
export function matchLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  return SUPPORTED_LOCALES.find((l) => l === lower) ?? SUPPORTED_LOCALES.find((l) => l === lower.split('-')[0]);
}

export function getAcctLocale(): string {
  return controls ? controls.getLocale() : sourceLocale;
}

/** Switches every element on the page; unknown tags fall back to the source locale. */
export async function setAcctLocale(tag: string): Promise<string> {
  const locale = matchLocale(tag) ?? sourceLocale;
  const c = configureAcctLocalization();
  if (c.getLocale() !== locale) await c.setLocale(locale);
  return locale;
}
