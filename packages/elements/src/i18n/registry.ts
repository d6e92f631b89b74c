/**
 * What the page registers for translation: each element's locale parts (registered when its first
 * instance is created, so a page fetches only the parts of the elements it shows), locales a
 * partner adds and partner overrides. Only records: the catalogues are assembled and looked up by
 * catalogue.ts, a chunk fetched with the first locale switch or override, so an English page
 * carries none of that code (issue 10).
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';

/** A part's translated templates per locale, as lazy imports (generated per element). */
export type MessageLoaders = Record<string, () => Promise<{ templates: TemplateMap }>>;

/** Partner messages: message id -> text, with `{0}`, `{1}` where the English has placeholders. */
export type AcctMessages = Record<string, string>;

export const registered = new Set<MessageLoaders>();
/** Partner locales as given: messages, or a function returning them (e.g. a dynamic import). */
export const partnerLocales = new Map<string, AcctMessages | (() => AcctMessages | Promise<AcctMessages>)>();
/** Partner overrides per locale, merged in the order given. */
export const overrides = new Map<string, AcctMessages>();

export const state = {
  /** The locale to re-render for when a part arrives late; set by the i18n module. */
  current: (): string | undefined => undefined,
  /** Set by the catalogue chunk once it is in: fetches a new part for the locales in use. */
  registered: (_loaders: MessageLoaders): void => undefined,
};

/** Registers a part's loaders; locales already in use fetch it at once and re-render. */
export function registerMessages(loaders: MessageLoaders): void {
  if (registered.has(loaders)) return;
  registered.add(loaders);
  state.registered(loaders);
}
