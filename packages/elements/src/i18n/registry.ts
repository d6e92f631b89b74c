/**
 * Message catalogues per locale, assembled from parts: the shared strings, each element's own
 * (registered when its module loads, so a page fetches only the parts of the elements it shows),
 * locales a partner adds, and partner overrides on top. One object per locale is handed to the
 * msg() runtime and filled in place as parts arrive; a `ready` status event then re-renders.
 */
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import type { TemplateLike, TemplateMap } from '@lit/localize/internal/types.js';

/** A part's translated templates per locale, as lazy imports (generated per element). */
export type MessageLoaders = Record<string, () => Promise<{ templates: TemplateMap }>>;

/** Partner messages: message id -> text, with `{0}`, `{1}` where the English has placeholders. */
export type AcctMessages = Record<string, string>;

interface Catalog {
  templates: TemplateMap;
  parts: Map<object, Promise<void>>;
  /** Requested for rendering (not just holding overrides): late parts are fetched for it. */
  used: boolean;
}

const registered = new Set<MessageLoaders>();
const catalogs = new Map<string, Catalog>();
/** Partner locales, already converted: `catalog` then needs no converter of its own (an element's entry never adds one). */
const partnerLocales = new Map<string, () => Promise<TemplateMap>>();
const overrides = new Map<string, TemplateMap>();
let pending: Promise<unknown> = Promise.resolve();

/** The locale to re-render for when a part arrives late; set by the i18n module. */
export const state = { current: (): string | undefined => undefined };

/** Re-renders the elements when `locale` is the one on screen. */
export function announce(locale: string): void {
  if (state.current() === locale) window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: locale } }));
}

/** `Hello {0}!` -> the shape lit-localize's runtime uses for str`` templates. */
function toTemplate(text: string): TemplateLike {
  const pieces = text.split(/\{(\d+)\}/);
  if (pieces.length === 1) return text;
  const strings = pieces.filter((_, i) => i % 2 === 0);
  const values = pieces.filter((_, i) => i % 2 === 1).map(Number);
  return { strTag: true, strings: Object.assign(strings, { raw: strings }), values } as unknown as TemplateLike;
}

function convert(messages: AcctMessages): TemplateMap {
  const out: TemplateMap = {};
  for (const [id, text] of Object.entries(messages)) if (typeof text === 'string' && text) out[id] = toTemplate(text);
  return out;
}

function load(cat: Catalog, locale: string, key: object, get: (() => Promise<TemplateMap>) | undefined): Promise<void> {
  let done = cat.parts.get(key);
  if (!done) {
    done = get
      ? get().then((templates) => {
          Object.assign(cat.templates, templates, overrides.get(locale));
        })
      : Promise.resolve();
    cat.parts.set(key, done);
  }
  return done;
}

function loadPart(cat: Catalog, locale: string, loaders: MessageLoaders): Promise<void> {
  const get = loaders[locale];
  return load(cat, locale, loaders, get && (() => get().then((m) => m.templates)));
}

function catalogOf(locale: string): Catalog {
  let cat = catalogs.get(locale);
  if (!cat) catalogs.set(locale, (cat = { templates: { ...overrides.get(locale) }, parts: new Map(), used: false }));
  return cat;
}

/** The templates msg() should use in `locale`, if anything differs from the source text. */
export function templatesOf(locale: string): TemplateMap | undefined {
  return catalogs.get(locale)?.templates;
}

/** Every part registered so far (and those registered later) in `locale`, filled in one object. */
export async function catalog(locale: string): Promise<TemplateMap> {
  const cat = catalogOf(locale);
  cat.used = true;
  const partner = partnerLocales.get(locale);
  await Promise.all([
    ...[...registered].map((loaders) => loadPart(cat, locale, loaders)),
    load(cat, locale, partnerLocales, partner),
  ]);
  return cat.templates;
}

/** Registers a part's loaders; locales already in use fetch it at once and re-render. */
export function registerMessages(loaders: MessageLoaders): void {
  if (registered.has(loaders)) return;
  registered.add(loaders);
  for (const [locale, cat] of catalogs) {
    if (!cat.used) continue;
    const part = loadPart(cat, locale, loaders).then(() => announce(locale));
    pending = Promise.all([pending, part.catch(() => undefined)]);
  }
}

/** Resolves once every part requested so far has arrived (or failed). */
export function messagesSettled(): Promise<void> {
  return pending.then(() => undefined);
}

/** Adds a partner locale; `messages` may be a function returning them (e.g. a dynamic import). */
export function addLocale(locale: string, messages: AcctMessages | (() => AcctMessages | Promise<AcctMessages>)): void {
  partnerLocales.set(locale, async () => convert(typeof messages === 'function' ? await messages() : messages));
}

/** Replaces messages of `locale` (the source locale too), now and in parts that arrive later. */
export function override(locale: string, messages: AcctMessages): void {
  const templates = { ...overrides.get(locale), ...convert(messages) };
  overrides.set(locale, templates);
  Object.assign(catalogOf(locale).templates, templates);
  announce(locale);
}
