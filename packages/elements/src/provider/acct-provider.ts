import { css, html, type PropertyValues } from 'lit';
import { property } from '../base/decorators.js';
import { ContextProvider } from '@lit/context';
import { type AccountAdapter, type ThemeName, THEMES } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { acctContext, type AcctContextValue, type AcctLinks } from '../base/context.js';
import { getAcctLocale, matchLocale, setAcctLocale, SOURCE_LOCALE } from '../i18n/index.js';

/** Partner brand values; each is checked as CSS before use, invalid ones are ignored. */
export interface AcctBrand {
  /** Accent colour: primary buttons, focus ring, selected states. */
  primary?: string;
  /** Text on the accent colour; computed for contrast from `primary` when omitted. */
  onPrimary?: string;
  /**
   * Accent for text, links, the selected tab and the focus ring on the surface; derived from
   * `primary` when omitted (`primary` itself when it has 4.5:1 on the light surfaces, else the
   * lightest darker shade of it that has).
   */
  primaryText?: string;
  /** Tinted surface for highlights. */
  surface?: string;
  font?: string;
  radius?: string;
}

const BRAND_PROPERTIES: Record<keyof AcctBrand, [cssProperty: string, token: string]> = {
  primary: ['color', '--acct-brand-primary'],
  onPrimary: ['color', '--acct-brand-on-primary'],
  primaryText: ['color', '--acct-brand-primary-text'],
  surface: ['color', '--acct-brand-surface'],
  font: ['font-family', '--acct-brand-font'],
  radius: ['border-radius', '--acct-brand-radius'],
};

/**
 * A value is accepted only if the browser parses it for that property. Not `var()`: the browser
 * accepts any, and the colour behind it could not be checked for contrast.
 */
function validCss(property: string, value: unknown): value is string {
  return typeof value === 'string' && value.length < 200 && !/var\(/i.test(value) && CSS.supports(property, value);
}

/**
 * Gives the adapter, theme, locale, brand and links to every acct-widgets element inside it,
 * through nested shadow roots, and follows `acct-theme-change` / `acct-locale-change` from them.
 *
 * @tagname acct-provider
 * @summary Configuration root for acct-widgets elements.
 * @slot - The elements (and any other content) to configure.
 * @fires acct-locale-change - When the provider's locale changed.
 * @fires acct-theme-change - When the provider's theme changed.
 * @cssprop --acct-brand-primary - Accent colour of the branded theme.
 * @cssprop --acct-brand-on-primary - Text colour on the brand accent.
 * @cssprop --acct-brand-primary-text - Brand colour for text and links.
 * @cssprop --acct-brand-surface - Tinted brand surface.
 * @cssprop --acct-brand-font - Font family of the branded theme.
 * @cssprop --acct-brand-radius - Corner radius of the branded theme.
 */
export class AcctProvider extends AcctElement {
  static override styles = [
    ...AcctElement.styles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The host's adapter to its backend; every element inside uses it. */
  @property({ attribute: false }) override adapter: AccountAdapter | undefined;

  /** `light`, `dark`, `branded` or `auto` (follows the system). */
  @property({ reflect: true }) override theme: ThemeName = 'light';

  /** Interface language (`en`, `ru`); defaults to the page's `lang` when shipped, else English. */
  @property() locale: string | undefined;

  /** Name shown for the branded theme, e.g. the partner's company. */
  @property({ attribute: 'brand-name' }) brandName: string | undefined;

  /** Colours, font and radius of the branded theme. */
  @property({ attribute: false }) brand: AcctBrand | undefined;

  /** Links to host pages (knowledge base, top-up, history, ...). */
  @property({ attribute: false }) links: AcctLinks = {};

  readonly #provider = new ContextProvider(this, { context: acctContext });

  /** @internal Set by the api-base module while it builds the adapter (only when it is loaded). */
  _building = false;

  /** @internal How the brand colour derivation's chunk is fetched. */
  static brandColors = (): Promise<typeof import('./brand-colors.js')> => import('./brand-colors.js');

  constructor() {
    super();
    this.addEventListener('acct-theme-change', (e) => {
      if (e.target !== this && THEMES.includes(e.detail.theme)) this.theme = e.detail.theme;
    });
    this.addEventListener('acct-locale-change', (e) => {
      if (e.target !== this) this.locale = e.detail.locale;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A provider always themes itself and carries the language; elements inside inherit both.
    if (!THEMES.includes(this.theme)) this.theme = 'light';
    this.setAttribute('lang', getAcctLocale());
    if (changed.has('locale') || !this.hasUpdated) void this.#applyLocale();
    if (changed.has('brand')) this.#applyBrand();
    if (changed.has('theme') && changed.get('theme') !== undefined) this.emit('acct-theme-change', { theme: this.theme });
    this.#provider.setValue(this.#value());
  }

  #value(): AcctContextValue {
    return {
      // A nested provider without its own adapter or links uses the outer one's.
      adapter: this.resolvedAdapter,
      pending: !this.resolvedAdapter && (this._building || !!this.context?.pending),
      theme: this.theme,
      locale: getAcctLocale(),
      brandName: this.brandName ?? this.context?.brandName,
      links: { ...this.context?.links, ...this.links },
    };
  }

  /** The locale this provider last applied: a panel-settings pick switches the page's before we hear of it. */
  #shown: string | undefined;

  async #applyLocale(): Promise<void> {
    const wanted = this.locale ?? matchLocale(document.documentElement.lang) ?? SOURCE_LOCALE;
    const before = this.#shown ?? getAcctLocale();
    const locale = (this.#shown = await setAcctLocale(wanted));
    this.requestUpdate();
    // Like the theme, a change from an element inside is announced by the provider too.
    if (locale !== before) this.emit('acct-locale-change', { locale });
  }

  #applyBrand(): void {
    const brand = this.brand ?? {};
    for (const [key, [cssProperty, token]] of Object.entries(BRAND_PROPERTIES) as [keyof AcctBrand, [string, string]][]) {
      const value = brand[key];
      // CSSOM, not a style attribute: allowed under a strict style-src.
      if (validCss(cssProperty, value)) this.style.setProperty(token, value);
      else this.style.removeProperty(token);
    }
    // Colours derived from `primary` for contrast, when the partner gives only it. Their code (colour
    // parsing, contrast) is a chunk: most pages set no brand, and it must not weigh on them.
    const primary = brand.primary;
    if (validCss('color', primary) && !(validCss('color', brand.onPrimary) && validCss('color', brand.primaryText))) {
      // A chunk that cannot be fetched leaves the theme's defaults, as an invalid value does.
      AcctProvider.brandColors().then(
        (m) => this.brand === brand && m.deriveBrandColors(this.style, primary, { onPrimary: !validCss('color', brand.onPrimary), primaryText: !validCss('color', brand.primaryText) }),
        () => undefined,
      );
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
