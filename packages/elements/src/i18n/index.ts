/**
 * Localization on @lit/localize's msg() and status events, with our own small runtime instead of
 * its `configureLocalization`, because that one fixes the locale list at configuration, keeps one
 * module per locale and never localizes the source locale. Ours assembles each locale from parts
 * (shared strings + each element's, fetched when the element loads), lets partners add locales and
 * override any string of any locale (English too), and still serves hosts that run lit-localize
 * themselves (they pass their controls and serve `loadAcctLocale` from their `loadLocale`).
 */
import { LOCALE_STATUS_EVENT, type LocaleModule } from '@lit/localize';
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { defaultMsg as typedDefaultMsg } from '@lit/localize/internal/default-msg.js';
import type { MsgFn, MsgOptions, TemplateLike } from '@lit/localize/internal/types.js';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import common from './generated/parts/common.js';
import { overrides, partnerLocales, registered, registerMessages, state, type AcctMessages } from './registry.js';

export { LOCALE_STATUS_EVENT, registerMessages, type AcctMessages };
export const SOURCE_LOCALE = sourceLocale;
/** Shipped locales, then those added with `addAcctLocale` (the array is updated in place). */
export const SUPPORTED_LOCALES: string[] = [sourceLocale, ...targetLocales];

registerMessages(common);

export interface LocalizationControls {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

let controls: LocalizationControls | undefined;
let active: string = sourceLocale;
let loading: string | undefined;
let request = 0;
let settled: Promise<void> = Promise.resolve();

function status(detail: object): void {
  window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail }));
}

type Catalogue = typeof import('./catalogue.js');
/** The source text itself; typed plainly, as localize's extractor would take a `MsgFn` call for a message. */
const defaultMsg = typedDefaultMsg as (template: TemplateLike) => ReturnType<MsgFn>;
/**
 * The catalogues and lit-localize's lookup (a message's id is a hash of its text), fetched with
 * the first locale switch or override: an English page without overrides never needs them and
 * does not carry them in its entry (issue 10).
 */
let catalogue: Catalogue | undefined;
let catalogueLoad: Promise<Catalogue> | undefined;

function loadCatalogue(): Promise<Catalogue> {
  // A failed fetch is forgotten, so the next locale switch or override fetches again.
  return (catalogueLoad ??= import('./catalogue.js').then(
    (m) => (catalogue = m),
    (err: unknown) => {
      catalogueLoad = undefined;
      throw err;
    },
  ));
}

/** Every registered part of `locale`, its parts fetched beside the catalogue's code rather than after it. */
function catalogOf(locale: string) {
  for (const loaders of registered) loaders[locale]?.().catch(() => undefined);
  return loadCatalogue().then((c) => c.catalog(locale));
}

const own: LocalizationControls = {
  getLocale: () => active,
  setLocale(locale) {
    if (locale === (loading ?? active)) return settled;
    if (!SUPPORTED_LOCALES.includes(locale)) return Promise.reject(new Error(`acct-widgets: no locale ${locale}`));
    const id = ++request;
    loading = locale;
    status({ status: 'loading', loadingLocale: locale });
    settled = (locale === sourceLocale && !overrides.has(locale) ? Promise.resolve() : catalogOf(locale)).then(
      () => {
        if (id !== request) return settled;
        active = locale;
        loading = undefined;
        status({ status: 'ready', readyLocale: locale });
      },
      (err: unknown) => {
        if (id !== request) return settled;
        loading = undefined;
        status({ status: 'error', errorLocale: locale, errorMessage: String(err) });
        throw err;
      },
    );
    return settled;
  },
};

/**
 * Configures localization for acct-widgets. A host that already configured lit-localize itself
 * passes its own `getLocale` / `setLocale` (whose `loadLocale` must serve our templates too; see
 * `loadAcctLocale`), since lit-localize can be configured once per page.
 */
export function configureAcctLocalization(existing?: LocalizationControls): LocalizationControls {
  if (controls) return controls;
  if (!existing)
    _installMsgImplementation(((template: TemplateLike, options?: MsgOptions) => {
      return catalogue ? catalogue.translate(active, template, options) : defaultMsg(template);
    }) as MsgFn);
  controls = existing ?? own;
  state.current = () => controls?.getLocale();
  return controls;
}

/** Every registered part of one locale as one module; for hosts that run lit-localize themselves. */
export async function loadAcctLocale(locale: string): Promise<LocaleModule> {
  if (!SUPPORTED_LOCALES.includes(locale)) throw new Error(`acct-widgets: no locale ${locale}`);
  return { templates: await catalogOf(locale) };
}

/**
 * Adds a locale without forking: `messages` maps message ids (see `messages.en.json` in
 * @acct/elements, or dist/messages.en.json) to text with `{0}`, `{1}` for placeholders; a function
 * (e.g. `() => fetch(url).then((r) => r.json())`) is called when the locale is first used.
 * Missing messages fall back to English.
 */
export function addAcctLocale(locale: string, messages: AcctMessages | (() => AcctMessages | Promise<AcctMessages>)): void {
  partnerLocales.set(locale, messages);
  if (!SUPPORTED_LOCALES.includes(locale)) SUPPORTED_LOCALES.push(locale);
}

/** Overrides any messages of any locale (English too), live: elements render them once the catalogue's chunk is in. */
export function overrideAcctMessages(locale: string, messages: AcctMessages): void {
  overrides.set(locale, { ...overrides.get(locale), ...messages });
  void loadCatalogue().then(
    (c) => c.applyOverrides(locale),
    () => undefined,
  );
}

/** Resolves when the current locale and every element part requested so far have loaded. */
export async function acctLocaleReady(): Promise<void> {
  await settled.catch(() => undefined);
  await (await catalogueLoad?.catch(() => undefined))?.messagesSettled();
}

/** Maps a BCP 47 tag (`ru-RU`, `EN`) to a supported locale, or undefined. */
export function matchLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  return SUPPORTED_LOCALES.find((l) => l.toLowerCase() === lower) ?? SUPPORTED_LOCALES.find((l) => l.toLowerCase() === lower.split('-')[0]);
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
