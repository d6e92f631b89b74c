import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fireEvent, spyOn, userEvent, waitFor, within } from 'storybook/test';
import { readableOn, type AccountAdapter } from '@acct/core';
import '@acct/elements/provider';
import '@acct/elements/settings';
import type { AcctBrand } from '@acct/elements';
import { brandDriven, checkContrast, CONTRAST_PAIRS, type BrandColors } from '../packages/elements/src/theme/contrast.js';
import { findElement, SLOW, useStoryAdapter, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';

/** What the designer edits: the provider's `brand` and `brand-name`. */
interface BrandValues {
  brandName: string;
  primary: string;
  /** `auto`: black or white, whichever reads better on `primary` (what the provider does too). */
  onPrimary: 'auto' | '#ffffff' | '#000000';
  primaryText: string;
  surface: string;
  font: string;
  /** Pixels. */
  radius: number;
}

type BrandingArgs = AdapterArgs & BrandValues;

const FONTS: [label: string, stack: string][] = [
  ['System UI', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'],
  ['Serif (Georgia)', 'Georgia, "Times New Roman", serif'],
  ['Humanist (Trebuchet)', '"Trebuchet MS", "Segoe UI", sans-serif'],
  ['Monospace', 'ui-monospace, "SF Mono", Menlo, Consolas, monospace'],
];

const onPrimaryOf = (v: BrandValues) => (v.onPrimary === 'auto' ? readableOn(v.primary) : v.onPrimary);

/** The brand tokens these values set, in the order the CSS lists them. */
function brandTokens(v: BrandValues): [string, string][] {
  return [
    ['--acct-brand-primary', v.primary],
    ['--acct-brand-on-primary', onPrimaryOf(v)],
    ['--acct-brand-primary-text', v.primaryText],
    ['--acct-brand-surface', v.surface],
    ['--acct-brand-font', v.font],
    ['--acct-brand-radius', `${v.radius}px`],
  ];
}

/** The rule a partner pastes into the page's CSS (with `theme="branded"` on the provider). */
function brandCss(v: BrandValues): string {
  // A brand name that closes the comment must not end it early.
  const name = v.brandName.replace(/\*\//g, '* /');
  return [
    `/* <acct-provider theme="branded" brand-name="${name}"> */`,
    'acct-provider {',
    ...brandTokens(v).map(([k, value]) => `  ${k}: ${value};`),
    '}',
  ].join('\n');
}

/**
 * The workbench: brand controls, the contrast of the chosen colours, the CSS and a branded
 * settings panel that follows every edit. Story chrome only (light DOM, so the play function and
 * the a11y check see the controls); the library's elements are the ones inside the provider.
 */
class BrandingWorkbench extends LitElement {
  static override properties = {
    values: { attribute: false },
    adapter: { attribute: false },
    locale: {},
    copyStatus: { state: true },
  };

  declare values: BrandValues;
  declare adapter: AccountAdapter | undefined;
  declare locale: string | undefined;
  declare copyStatus: string;

  constructor() {
    super();
    this.copyStatus = '';
  }

  protected override createRenderRoot() {
    return this;
  }

  #edit(e: Event) {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    const value = target.name === 'radius' ? Number(target.value) : target.value;
    this.values = { ...this.values, [target.name]: value };
    this.copyStatus = '';
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(brandCss(this.values));
      this.copyStatus = 'Copied to the clipboard.';
    } catch {
      // No clipboard (insecure page, denied permission): select the text for Ctrl+C instead.
      const pre = this.querySelector('pre');
      if (pre) window.getSelection()?.selectAllChildren(pre);
      this.copyStatus = 'The clipboard is not available: the CSS is selected, press Ctrl+C (Cmd+C).';
    }
  }

  #brand(): AcctBrand {
    const v = this.values;
    return { primary: v.primary, onPrimary: onPrimaryOf(v), primaryText: v.primaryText, surface: v.surface, font: v.font, radius: `${v.radius}px` };
  }

  #contrast() {
    const v = this.values;
    const brand: BrandColors = {
      'brand-primary': v.primary,
      'brand-on-primary': onPrimaryOf(v),
      'brand-primary-text': v.primaryText,
      'brand-surface': v.surface,
    };
    // Only the pairs the brand can change; the rest of the branded theme is the light theme's.
    const driven = brandDriven('branded');
    const pairs = CONTRAST_PAIRS.filter((p) => driven.has(p.fg) || driven.has(p.bg));
    return checkContrast('branded', brand, pairs);
  }

  override render() {
    const v = this.values;
    const results = this.#contrast();
    const failing = results.filter((r) => !r.pass).length;
    return html`<style>
        sb-branding-workbench {
          display: grid;
          grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
          gap: 1.5rem;
          font: 0.875rem/1.45 system-ui, sans-serif;
          color: #1b1f24;
        }
        sb-branding-workbench .tools {
          display: grid;
          gap: 1rem;
          align-content: start;
        }
        sb-branding-workbench fieldset {
          display: grid;
          gap: 0.625rem;
          border: 1px solid #6e7781;
          border-radius: 6px;
          margin: 0;
        }
        sb-branding-workbench label {
          display: grid;
          gap: 0.25rem;
          font-weight: 600;
        }
        sb-branding-workbench input[type='color'] {
          inline-size: 4rem;
          block-size: 2rem;
        }
        sb-branding-workbench table {
          border-collapse: collapse;
          inline-size: 100%;
        }
        sb-branding-workbench caption {
          text-align: start;
          font-weight: 600;
          padding-block-end: 0.25rem;
        }
        sb-branding-workbench th,
        sb-branding-workbench td {
          text-align: start;
          padding: 0.25rem;
          border-block-end: 1px solid #d0d7de;
          vertical-align: top;
        }
        sb-branding-workbench .fail {
          color: #b42318;
          font-weight: 600;
        }
        sb-branding-workbench pre {
          margin: 0;
          padding: 0.75rem;
          background: #f6f7f9;
          border: 1px solid #6e7781;
          border-radius: 6px;
          white-space: pre-wrap;
          overflow-wrap: anywhere;
          font: 0.8125rem/1.5 ui-monospace, Menlo, Consolas, monospace;
        }
        sb-branding-workbench button {
          font: inherit;
          padding: 0.375rem 0.875rem;
          justify-self: start;
        }
        sb-branding-workbench .logo {
          font-family: var(--acct-font-family);
          font-size: var(--acct-font-size-l);
          font-weight: var(--acct-font-weight-strong);
          color: var(--acct-color-accent-text);
          margin-block-end: var(--acct-space-m);
        }
      </style>
      <div class="tools">
        <form aria-label="Brand tokens" @input=${this.#edit} @change=${this.#edit} @submit=${(e: Event) => e.preventDefault()}>
          <fieldset>
            <legend>Brand tokens</legend>
            <label>Brand name (logo text) <input name="brandName" .value=${v.brandName} autocomplete="off" /></label>
            <label>Primary: buttons, selected tabs <input type="color" name="primary" .value=${v.primary} /></label>
            <label
              >Text on primary
              <select name="onPrimary" .value=${v.onPrimary}>
                <option value="auto">Automatic (best contrast: ${readableOn(v.primary)})</option>
                <option value="#ffffff">White</option>
                <option value="#000000">Black</option>
              </select>
            </label>
            <label>Accent text: links, focus ring <input type="color" name="primaryText" .value=${v.primaryText} /></label>
            <label>Highlight surface <input type="color" name="surface" .value=${v.surface} /></label>
            <label
              >Font
              <select name="font" .value=${v.font}>
                ${FONTS.map(([label, stack]) => html`<option value=${stack} ?selected=${stack === v.font}>${label}</option>`)}
              </select>
            </label>
            <label
              >Corner radius: ${v.radius}px
              <input type="range" name="radius" min="0" max="24" step="1" .value=${String(v.radius)} />
            </label>
          </fieldset>
        </form>
        <table>
          <caption>
            Contrast of the brand colours (WCAG AA):
            ${failing ? html`<span class="fail">${failing} failing</span>` : 'all pass'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Ratio</th>
              <th scope="col">Needed</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            ${results.map(
              (r) => html`<tr data-pair=${`${r.fg}/${r.bg}`}>
                <td>${r.use} <small>(${r.fgColor} on ${r.bgColor})</small></td>
                <td>${r.ratio === undefined ? '?' : `${r.ratio.toFixed(2)}:1`}</td>
                <td>${r.min}:1</td>
                <td class=${r.pass ? '' : 'fail'}>${r.pass ? 'Pass' : 'Fails AA'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        <section aria-label="CSS for the page" style="display: grid; gap: 0.5rem">
          <pre data-testid="brand-css">${brandCss(v)}</pre>
          <button type="button" @click=${this.#copy}>Copy CSS</button>
          <p role="status" style="margin: 0">${this.copyStatus || nothing}</p>
        </section>
      </div>
      <acct-provider theme="branded" locale=${ifDefined(this.locale)} brand-name=${v.brandName} .brand=${this.#brand()} .adapter=${this.adapter}>
        <div class="logo">${v.brandName}</div>
        <acct-settings tabs="panel profile security notifications billing"></acct-settings>
      </acct-provider>`;
  }
}
if (!customElements.get('sb-branding-workbench')) customElements.define('sb-branding-workbench', BrandingWorkbench);

declare global {
  interface HTMLElementTagNameMap {
    'sb-branding-workbench': BrandingWorkbench;
  }
}

function workbench(args: BrandingArgs, context: StoryContext<BrandingArgs>) {
  const { locale } = context.globals as { locale?: string };
  const values: BrandValues = {
    brandName: args.brandName,
    primary: args.primary,
    onPrimary: args.onPrimary,
    primaryText: args.primaryText,
    surface: args.surface,
    font: args.font,
    radius: args.radius,
  };
  return html`<sb-branding-workbench .values=${values} .adapter=${useStoryAdapter(context)} locale=${ifDefined(locale)}></sb-branding-workbench>`;
}

/**
 * A designer's white-label workbench: edit the brand tokens with the controls on the left (or the
 * Controls panel), see `<acct-settings>` in the branded theme follow at once, check the WCAG AA
 * contrast of the chosen colours, and copy the CSS for the page (`acct-provider { --acct-brand-*: ... }`).
 * The same values work as the provider's `brand` property. Every token is listed in
 * docs/theming.md. The toolbar's locale applies; the theme is always `branded`.
 */
const meta = {
  title: 'Guides/Branding',
  component: 'acct-provider',
  render: workbench,
  args: {
    brandName: 'Northwind Cloud',
    primary: '#0f766e',
    onPrimary: 'auto',
    primaryText: '#0b5e58',
    surface: '#e6f4f1',
    font: FONTS[1]![1],
    radius: 12,
  },
  argTypes: {
    brandName: { description: '`brand-name` of the provider', control: 'text', table: { category: 'Brand' } },
    primary: { description: '`--acct-brand-primary`', control: 'color', table: { category: 'Brand' } },
    onPrimary: { description: '`--acct-brand-on-primary`', control: 'inline-radio', options: ['auto', '#ffffff', '#000000'], table: { category: 'Brand' } },
    primaryText: { description: '`--acct-brand-primary-text`', control: 'color', table: { category: 'Brand' } },
    surface: { description: '`--acct-brand-surface`', control: 'color', table: { category: 'Brand' } },
    font: { description: '`--acct-brand-font`', control: 'select', options: FONTS.map(([, stack]) => stack), table: { category: 'Brand' } },
    radius: { description: '`--acct-brand-radius` in px', control: { type: 'range', min: 0, max: 24, step: 1 }, table: { category: 'Brand' } },
  },
  parameters: {
    acct: { provider: false } satisfies AcctParameters,
    layout: 'padded',
    controls: { include: ['brandName', 'primary', 'onPrimary', 'primaryText', 'surface', 'font', 'radius', 'account', 'latency'] },
  },
} satisfies Meta<BrandingArgs>;

export default meta;
type Story = StoryObj<BrandingArgs>;

/** Sets a form control's value the way the colour picker does, and fires `input`. */
async function setValue(form: HTMLElement, name: string, value: string) {
  const control = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  if (!control) throw new Error(`no control named ${name}`);
  await fireEvent.input(control, { target: { value } });
}

export const Branding: Story = {
  play: async ({ canvasElement, step }) => {
    const provider = await findElement(canvasElement, 'acct-provider');
    await findElement(canvasElement, 'acct-settings');
    const ui = within(canvasElement);
    const form = ui.getByRole('form', { name: 'Brand tokens' });
    const css = ui.getByTestId('brand-css');

    await step('The defaults are applied and pass AA', async () => {
      await expect(provider.style.getPropertyValue('--acct-brand-primary')).toBe('#0f766e');
      await expect(css).toHaveTextContent('--acct-brand-primary: #0f766e;');
      await expect(ui.getByRole('table')).toHaveTextContent('all pass');
    });

    await step('A new primary colour restyles the panel and the CSS at once', async () => {
      await setValue(form, 'primary', '#7c3aed');
      await waitFor(() => expect(css).toHaveTextContent('--acct-brand-primary: #7c3aed;'), SLOW);
      await expect(css).toHaveTextContent('--acct-brand-on-primary: #ffffff;');
      await expect(provider.style.getPropertyValue('--acct-brand-primary')).toBe('#7c3aed');
      // What the elements inside see: the branded theme's accent resolves to the new colour.
      const settings = await findElement(canvasElement, 'acct-settings');
      await waitFor(() => expect(getComputedStyle(settings).getPropertyValue('--acct-color-accent').trim()).toBe('#7c3aed'), SLOW);
    });

    await step('A too light accent text fails the contrast check, visibly', async () => {
      await setValue(form, 'primaryText', '#ffd166');
      await waitFor(() => expect(ui.getByRole('table')).toHaveTextContent('failing'), SLOW);
      const row = canvasElement.querySelector('tr[data-pair="color-accent-text/color-surface-raised"]');
      await expect(row).toHaveTextContent('Fails AA');
      // Back to a readable one for the a11y check that runs after the play function.
      await setValue(form, 'primaryText', '#0b5e58');
      await waitFor(() => expect(ui.getByRole('table')).toHaveTextContent('all pass'), SLOW);
    });

    await step('Radius, font and brand name reach the provider', async () => {
      await setValue(form, 'radius', '4');
      await setValue(form, 'brandName', 'Sunny Hosting');
      await waitFor(() => expect(provider.style.getPropertyValue('--acct-brand-radius')).toBe('4px'), SLOW);
      await expect(provider.getAttribute('brand-name')).toBe('Sunny Hosting');
      await expect(css).toHaveTextContent('brand-name="Sunny Hosting"');
    });

    await step('Copy CSS writes exactly the CSS shown', async () => {
      // A spy in place of the clipboard: a headless browser has no clipboard permission, and a test
      // must not touch the real one.
      const writeText = spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
      try {
        await userEvent.click(ui.getByRole('button', { name: 'Copy CSS' }));
        await waitFor(() => expect(ui.getByRole('status')).toHaveTextContent('Copied to the clipboard.'), SLOW);
        await expect(writeText).toHaveBeenCalledWith(css.textContent);
        await expect(writeText.mock.calls[0]![0]).toContain('--acct-brand-primary: #7c3aed;');
      } finally {
        writeText.mockRestore();
      }
    });
  },
};
