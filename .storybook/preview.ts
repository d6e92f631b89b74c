/// <reference types="vite/client" />
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { configure } from 'storybook/test';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@acct/elements/provider';
import { ADAPTER_ARGS, ADAPTER_ARG_TYPES, acctParameters, THEME_NAMES, useStoryAdapter } from './acct.js';
import { normalizeManifest } from './manifest.js';

// `npm run analyze` writes it (the storybook scripts run it first). A glob, so that type checking
// and Storybook still work without it, only with empty API tables.
const manifests = import.meta.glob<Record<string, unknown>>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(normalizeManifest(manifest));
else console.warn('custom-elements.json is missing: run `npm run analyze` for API tables and controls.');

// Testing Library prints the container of a failed query with prettyDOM, which throws on a
// ShadowRoot ("Expected an element or document") and hides the real message. Print its markup.
configure({
  getElementError(message, container) {
    const markup = container instanceof ShadowRoot ? container.innerHTML : (container as Element | null)?.outerHTML;
    const error = new Error([message, markup?.replace(/<!--[^]*?-->/g, '').slice(0, 3000)].filter(Boolean).join('\n\n'));
    error.name = 'TestingLibraryElementError';
    return error;
  },
});

/** Every story inside an `<acct-provider>` that follows the toolbar and owns the story's adapter. */
const withProvider: Decorator = (story, context) => {
  const p = acctParameters(context);
  if (p.provider === false) return story();
  const { theme, locale, dir } = context.globals as { theme?: string; locale?: string; dir?: string };
  const adapter = useStoryAdapter(context);
  return html`<acct-provider
    theme=${ifDefined(theme)}
    locale=${ifDefined(locale)}
    dir=${ifDefined(dir)}
    brand-name=${ifDefined(p.brandName)}
    .brand=${p.brand}
    .adapter=${adapter}
    .links=${p.links ?? {}}
    >${story()}</acct-provider
  >`;
};

const preview: Preview = {
  decorators: [withProvider],
  globalTypes: {
    theme: {
      description: 'Theme of the acct-provider',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: [...THEME_NAMES], dynamicTitle: true },
    },
    locale: {
      description: 'Interface language (one per page: lit-localize)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', right: 'en', title: 'English' },
          { value: 'ru', right: 'ru', title: 'Русский' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', dir: 'ltr' },
  args: { ...ADAPTER_ARGS },
  argTypes: { ...ADAPTER_ARG_TYPES },
  parameters: {
    // Violations fail the story (the test runner and CI), not only show in the panel.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'padded',
  },
};

export default preview;
