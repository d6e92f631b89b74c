import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '@acct/elements/provider';
import '@acct/elements/panel-settings';
import type { AcctBrand } from '@acct/elements';
import { findElement, SLOW, THEME_NAMES, useStoryAdapter, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';

interface ProviderArgs extends AdapterArgs {
  brandName: string;
  primary: string;
  font: string;
  radius: string;
}

/** The panel settings element inside a provider of its own, for one theme. */
function providerWith(theme: string, args: ProviderArgs, context: StoryContext<ProviderArgs>) {
  const brand: AcctBrand = { primary: args.primary, font: args.font, radius: args.radius };
  const { locale, dir } = context.globals as { locale?: string; dir?: string };
  return html`<acct-provider
    theme=${theme}
    locale=${ifDefined(locale)}
    dir=${ifDefined(dir)}
    brand-name=${args.brandName}
    .brand=${brand}
    .adapter=${useStoryAdapter(context, theme)}
  >
    <acct-panel-settings></acct-panel-settings>
  </acct-provider>`;
}

/**
 * `<acct-provider>` gives the adapter, theme, locale and brand to every element inside it. A
 * partner's white label is its `brand` property (`{ primary, font, radius }`, each value checked
 * as CSS; text on `primary` is picked for contrast when `onPrimary` is not given) and its
 * `brand-name` attribute (the label of the branded theme). These stories render their own
 * providers, so the toolbar's theme does not apply; locale and direction do.
 */
const meta = {
  title: 'Elements/Provider',
  component: 'acct-provider',
  tags: ['autodocs'],
  args: {
    brandName: 'Northwind Cloud',
    primary: '#0f766e',
    font: 'Georgia, "Times New Roman", serif',
    radius: '12px',
  },
  argTypes: {
    brandName: { description: 'The `brand-name` attribute', control: 'text', table: { category: 'White label' } },
    primary: { description: '`brand.primary`: accent colour', control: 'color', table: { category: 'White label' } },
    font: { description: '`brand.font`: font family', control: 'text', table: { category: 'White label' } },
    radius: { description: '`brand.radius`: corner radius', control: 'text', table: { category: 'White label' } },
  },
  parameters: {
    acct: { section: 'panel', provider: false } satisfies AcctParameters,
    controls: { include: ['brandName', 'primary', 'font', 'radius', 'account', 'latency', 'fault', 'faultOn'] },
  },
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/** A partner's colour, font and radius, and its name on the branded theme choice. */
export const WhiteLabel: Story = {
  name: 'White label',
  render: (args, context) => providerWith('branded', args, context),
  play: async ({ canvasElement, args }) => {
    const provider = await findElement(canvasElement, 'acct-provider');
    await expect(provider.style.getPropertyValue('--acct-brand-primary')).toBe(args.primary);
    const panel = await findElement(canvasElement, 'acct-panel-settings');
    await waitFor(() => expect(panel.shadowRoot).toHaveTextContent(`Branded (${args.brandName})`), SLOW);
  },
};

/** A light brand colour: the provider picks dark text on it to stay readable (WCAG AA). */
export const LightBrandColour: Story = {
  name: 'Light brand colour',
  args: { brandName: 'Sunny Hosting', primary: '#ffd166', font: 'system-ui, sans-serif', radius: '4px' },
  render: (args, context) => providerWith('branded', args, context),
};

/** The same panel settings in all four themes, each with its own provider and adapter. */
export const AllThemes: Story = {
  name: 'All themes',
  parameters: {
    layout: 'fullscreen',
    // Four copies of one element on one page repeat its "Panel settings" region on purpose; a real
    // page has one. Every other rule stays on.
    a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } },
  },
  render: (args, context) => html`<div
    style="display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; padding: 1rem"
  >
    ${THEME_NAMES.map(
      (theme) => html`<section aria-label=${`Theme: ${theme}`}>
        <h2 style="font: 600 0.875rem/1.4 system-ui, sans-serif; margin: 0 0 0.5rem">${theme}</h2>
        ${providerWith(theme, args, context)}
      </section>`,
    )}
  </div>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('acct-provider')).toHaveLength(4), SLOW);
    const themes = [...canvasElement.querySelectorAll('acct-provider')].map((p) => p.theme);
    await expect(themes).toEqual([...THEME_NAMES]);
  },
};
