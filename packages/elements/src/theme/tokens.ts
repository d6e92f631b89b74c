/**
 * Design tokens in three tiers (STYLE.md "Theming"):
 * - primitives: raw palette, `--acct-color-gray-900`;
 * - semantic: what a colour is for, `--acct-color-danger-text`, set by each theme;
 * - component: resolved inside an element's styles (`--_gap: var(--acct-section-gap, ...)`).
 * Themes are data so a unit test can check that each defines every semantic token and that
 * text / control pairs meet WCAG AA; the CSS below is generated from the same data (at build time
 * in the bundle: see theme/styles.ts).
 */

export const PRIMITIVES = {
  'color-white': '#ffffff',
  'color-black': '#000000',
  'color-gray-50': '#f6f7f9',
  'color-gray-100': '#eef0f3',
  'color-gray-200': '#d0d7de',
  'color-gray-500': '#6e7781',
  'color-gray-600': '#57606a',
  'color-gray-900': '#1b1f24',
  'color-gray-950': '#0d1117',
  'color-night-900': '#161b22',
  'color-night-800': '#21262d',
  'color-night-700': '#30363d',
  'color-night-400': '#7d8590',
  'color-night-300': '#9aa5b1',
  'color-night-100': '#e6edf3',
  'color-blue-50': '#e8f1fb',
  'color-blue-400': '#58a6ff',
  'color-blue-700': '#0b5cad',
  'color-blue-950': '#0c2440',
  'color-red-50': '#fef3f2',
  'color-red-400': '#ff7b72',
  'color-red-700': '#b42318',
  'color-red-950': '#3a1414',
  'color-green-50': '#e6f4ea',
  'color-green-400': '#3fb950',
  'color-green-800': '#116329',
  'color-green-950': '#0f2a19',
  'color-amber-50': '#fff4d6',
  'color-amber-400': '#d29922',
  'color-amber-800': '#7a4a00',
  'color-amber-950': '#2e2208',
  'color-crimson-700': '#b3102b',
  'color-crimson-800': '#8f0c22',
  'color-crimson-50': '#fdf1f3',
} as const;
export type Primitive = keyof typeof PRIMITIVES;

/** Every theme must define each of these; components may read only these and the non-colour set. */
export const SEMANTIC_TOKENS = [
  'color-surface',
  'color-surface-raised',
  'color-surface-sunken',
  'color-text',
  'color-text-muted',
  'color-border',
  'color-border-strong',
  'color-accent',
  'color-on-accent',
  'color-accent-text',
  'color-focus',
  'color-danger-fill',
  'color-on-danger',
  'color-danger-text',
  'color-danger-surface',
  'color-success-text',
  'color-success-surface',
  'color-warning-text',
  'color-warning-surface',
  'color-info-surface',
  'color-skeleton',
] as const;
export type SemanticToken = (typeof SEMANTIC_TOKENS)[number];

/** A semantic value is a primitive's name or a brand token (`brand-primary`) with its default. */
export type TokenValue = Primitive | { brand: BrandToken };

export const BRAND_TOKENS = {
  'brand-primary': 'color-crimson-700',
  'brand-primary-text': 'color-crimson-800',
  'brand-on-primary': 'color-white',
  'brand-surface': 'color-crimson-50',
} as const satisfies Record<string, Primitive>;
export type BrandToken = keyof typeof BRAND_TOKENS;

const light: Record<SemanticToken, TokenValue> = {
  'color-surface': 'color-gray-50',
  'color-surface-raised': 'color-white',
  'color-surface-sunken': 'color-white',
  'color-text': 'color-gray-900',
  'color-text-muted': 'color-gray-600',
  'color-border': 'color-gray-200',
  'color-border-strong': 'color-gray-500',
  'color-accent': 'color-blue-700',
  'color-on-accent': 'color-white',
  'color-accent-text': 'color-blue-700',
  'color-focus': 'color-blue-700',
  'color-danger-fill': 'color-red-700',
  'color-on-danger': 'color-white',
  'color-danger-text': 'color-red-700',
  'color-danger-surface': 'color-red-50',
  'color-success-text': 'color-green-800',
  'color-success-surface': 'color-green-50',
  'color-warning-text': 'color-amber-800',
  'color-warning-surface': 'color-amber-50',
  'color-info-surface': 'color-blue-50',
  'color-skeleton': 'color-gray-100',
};

const dark: Record<SemanticToken, TokenValue> = {
  'color-surface': 'color-gray-950',
  'color-surface-raised': 'color-night-900',
  'color-surface-sunken': 'color-gray-950',
  'color-text': 'color-night-100',
  'color-text-muted': 'color-night-300',
  'color-border': 'color-night-700',
  'color-border-strong': 'color-night-400',
  'color-accent': 'color-blue-400',
  'color-on-accent': 'color-gray-950',
  'color-accent-text': 'color-blue-400',
  'color-focus': 'color-blue-400',
  'color-danger-fill': 'color-red-400',
  'color-on-danger': 'color-gray-950',
  'color-danger-text': 'color-red-400',
  'color-danger-surface': 'color-red-950',
  'color-success-text': 'color-green-400',
  'color-success-surface': 'color-green-950',
  'color-warning-text': 'color-amber-400',
  'color-warning-surface': 'color-amber-950',
  'color-info-surface': 'color-blue-950',
  'color-skeleton': 'color-night-800',
};

/** Branded = light with the partner's brand tokens driving accent, focus and highlights. */
const branded: Record<SemanticToken, TokenValue> = {
  ...light,
  'color-accent': { brand: 'brand-primary' },
  'color-on-accent': { brand: 'brand-on-primary' },
  'color-accent-text': { brand: 'brand-primary-text' },
  // Text-grade brand colour: stays visible (3:1) even when a partner's primary is light.
  'color-focus': { brand: 'brand-primary-text' },
  'color-info-surface': { brand: 'brand-surface' },
};

export const THEME_TOKENS = { light, dark, branded } as const;
export type ConcreteTheme = keyof typeof THEME_TOKENS;

/** Non-colour tokens; the same in every theme (branded may change font and radius). */
export const SCALE_TOKENS = {
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'font-size-s': '0.8125rem',
  'font-size-m': '0.9375rem',
  'font-size-l': '1.125rem',
  'font-weight-strong': '600',
  'line-height': '1.45',
  'radius-s': '4px',
  'radius-m': '8px',
  'space-xs': '0.25rem',
  'space-s': '0.5rem',
  'space-m': '1rem',
  'space-l': '1.5rem',
  'space-xl': '2rem',
  'control-height': '2.5rem',
  'focus-width': '2px',
} as const;

/** Resolves a semantic token of a theme to a colour, brand tokens at their defaults. */
export function resolveToken(theme: ConcreteTheme, token: SemanticToken): string {
  const v = THEME_TOKENS[theme][token];
  return typeof v === 'string' ? PRIMITIVES[v] : PRIMITIVES[BRAND_TOKENS[v.brand]];
}

const decls = (entries: [string, string][]): string => entries.map(([k, v]) => `--acct-${k}:${v};`).join('');

function semantic(theme: ConcreteTheme): string {
  return decls(
    SEMANTIC_TOKENS.map((t) => {
      const v = THEME_TOKENS[theme][t];
      return [t, `var(--acct-${typeof v === 'string' ? v : v.brand})`];
    }),
  );
}

/**
 * Token sets keyed by the host's `theme` attribute, as minified CSS text. `:host` rules lose to the
 * page's own CSS, so a partner's `acct-provider { --acct-brand-primary: ... }` wins, as it should.
 */
export function themeCss(): string {
  const dark = `${semantic('dark')}color-scheme:dark`;
  const brand = decls(Object.entries(BRAND_TOKENS).map(([k, v]) => [k, `var(--acct-${v})`]));
  return (
    `:host([theme]){${decls(Object.entries(PRIMITIVES))}${decls(Object.entries(SCALE_TOKENS))}` +
    'font-family:var(--acct-font-family);font-size:var(--acct-font-size-m);line-height:var(--acct-line-height);color:var(--acct-color-text)}' +
    `:host([theme=light]),:host([theme=auto]){${semantic('light')}color-scheme:light}` +
    `:host([theme=dark]){${dark}}@media (prefers-color-scheme:dark){:host([theme=auto]){${dark}}}` +
    `:host([theme=branded]){${brand}${semantic('branded')}` +
    `--acct-font-family:var(--acct-brand-font, ${SCALE_TOKENS['font-family']});--acct-radius-m:var(--acct-brand-radius, ${SCALE_TOKENS['radius-m']});color-scheme:light}`
  );
}
