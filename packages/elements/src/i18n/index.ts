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
import { addLocale, announce, catalog, messagesSettled, override, registerMessages, state, templatesOf, type AcctMessages } from './registry.js';

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

type Lookup = typeof import('@lit/localize/internal/runtime-msg.js').runtimeMsg;
/** The source text itself; typed plainly, as localize's extractor would take a `MsgFn` call for a message. */
const defaultMsg = typedDefaultMsg as (template: TemplateLike) => ReturnType<MsgFn>;
/**
 * lit-localize's translation lookup (a message's id is a hash of its text), fetched with the first
 * catalogue a page uses: a Russian page fetches it beside its strings, an English page without
 * overrides never needs it and does not carry it in its entry (issue 10).
 */
let lookup: Lookup | undefined;
let lookupLoad: Promise<void> | undefined;

function loadLookup(): Promise<void> {
  // A failed fetch is forgotten, so the next locale switch or override fetches again.
  return (lookupLoad ??= import('@lit/localize/internal/runtime-msg.js').then(
    (m) => {
      lookup = m.runtimeMsg;
    },
    (err: unknown) => {
      lookupLoad = undefined;
      throw err;
    },
  ));
}

const own: LocalizationControls = {
  getLocale: () => active,
  setLocale(locale) {
    if (locale === (loading ?? active)) return settled;
    if (!SUPPORTED_LOCALES.includes(locale)) return Promise.reject(new Error(`acct-widgets: no locale ${locale}`));
    const id = ++request;
    loading = locale;
    status({ status: 'loading', loadingLocale: locale });
    const needs = locale === sourceLocale ? (templatesOf(locale) ? [loadLookup()] : []) : [catalog(locale), loadLookup()];
    settled = Promise.all(needs).then(
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
      const templates = templatesOf(active);
      return templates && lookup ? lookup(templates, template, options) : defaultMsg(template);
    }) as MsgFn);
  controls = existing ?? own;
  state.current = () => controls?.getLocale();
  return controls;
}

/** Every registered part of one locale as one module; for hosts that run lit-localize themselves. */
export async function loadAcctLocale(locale: string): Promise<LocaleModule> {
  if (!SUPPORTED_LOCALES.includes(locale)) throw new Error(`acct-widgets: no locale ${locale}`);
  return { templates: await catalog(locale) };
}

/**
 * Adds a locale without forking: `messages` maps message ids (see `messages.en.json` in
 * @acct/elements, or dist/messages.en.json) to text with `{0}`, `{1}` for placeholders; a function
 * (e.g. `() => fetch(url).then((r) => r.json())`) is called when the locale is first used.
 * Missing messages fall back to English.
 */
export function addAcctLocale(locale: string, messages: AcctMessages | (() => AcctMessages | Promise<AcctMessages>)): void {
  addLocale(locale, messages);
  if (SUPPORTED_LOCALES.includes(locale)) return;
  SUPPORTED_LOCALES.push(locale);
  // Mounted language lists (panel settings) render the new choice.
  announce(getAcctLocale());
}

/** Overrides any messages of any locale (English too), live. */
export function overrideAcctMessages(locale: string, messages: AcctMessages): void {
  override(locale, messages);
  // The first override fetches the lookup (also before localization is configured): the
  // elements render the new text once it is in.
  if (!lookup)
    void loadLookup().then(
      () => announce(locale),
      () => undefined,
    );
}

/** Resolves when the current locale and every element part requested so far have loaded. */
export async function acctLocaleReady(): Promise<void> {
  await settled.catch(() => undefined);
  await lookupLoad?.catch(() => undefined);
  await messagesSettled();
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
