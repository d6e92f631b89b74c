/**
 * Message catalogues per locale, assembled from what registry.ts recorded: the shared strings,
 * each element's own, partner locales, and partner overrides on top. One object per locale is
 * handed to lit-localize's lookup and filled in place as parts arrive; a `ready` status event
 * then re-renders. A chunk: only a page that switches locale or overrides a string needs it.
 */
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { MsgOptions, TemplateLike, TemplateMap } from '@lit/localize/internal/types.js';
import { overrides, partnerLocales, registered, state, type AcctMessages, type MessageLoaders } from './registry.js';

interface Catalog {
  templates: TemplateMap;
  parts: Map<object, Promise<void>>;
  /** Requested for rendering (not just holding overrides): late parts are fetched for it. */
  used: boolean;
}

const catalogs = new Map<string, Catalog>();
let pending: Promise<unknown> = Promise.resolve();

function announce(locale: string): void {
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

function convert(messages: AcctMessages | undefined): TemplateMap {
  const out: TemplateMap = {};
  for (const [id, text] of Object.entries(messages ?? {})) if (typeof text === 'string' && text) out[id] = toTemplate(text);
  return out;
}

function load(cat: Catalog, locale: string, key: object, get: (() => Promise<TemplateMap>) | undefined): Promise<void> {
  let done = cat.parts.get(key);
  if (!done) {
    done = get
      ? get().then((templates) => {
          Object.assign(cat.templates, templates, convert(overrides.get(locale)));
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
  if (!cat) catalogs.set(locale, (cat = { templates: convert(overrides.get(locale)), parts: new Map(), used: false }));
  return cat;
}

/** A message in `locale`: its translation or override, else the source text. */
export function translate(locale: string, template: TemplateLike, options?: MsgOptions): ReturnType<typeof runtimeMsg> {
  return runtimeMsg(catalogs.get(locale)?.templates, template, options);
}

/** Every part registered so far (and those registered later) in `locale`, filled in one object. */
export async function catalog(locale: string): Promise<TemplateMap> {
  const cat = catalogOf(locale);
  cat.used = true;
  const partner = partnerLocales.get(locale);
  await Promise.all([
    ...[...registered].map((loaders) => loadPart(cat, locale, loaders)),
    load(cat, locale, partnerLocales, partner && (async () => convert(typeof partner === 'function' ? await partner() : partner))),
  ]);
  return cat.templates;
}

/** Puts the overrides recorded for `locale` into its catalogue, and re-renders. */
export function applyOverrides(locale: string): void {
  Object.assign(catalogOf(locale).templates, convert(overrides.get(locale)));
  announce(locale);
}

/** Resolves once every part requested so far has arrived (or failed). */
export function messagesSettled(): Promise<void> {
  return pending.then(() => undefined);
}

// Parts registered from now on (an element created later) are fetched for the locales in use.
state.registered = (loaders) => {
  for (const [locale, cat] of catalogs) {
    if (!cat.used) continue;
    const part = loadPart(cat, locale, loaders).then(() => announce(locale));
    pending = Promise.all([pending, part.catch(() => undefined)]);
  }
};
