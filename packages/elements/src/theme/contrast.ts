/**
 * WCAG AA contrast of the theme data: the one list of colour pairs that must stay readable, used
 * by the unit theme test, `scripts/check-contrast.mjs` (CI) and the Branding story. Not imported
 * by any element, so it never reaches the bundle.
 */
import { contrastRatio } from '@acct/core';
import { BRAND_TOKENS, PRIMITIVES, SEMANTIC_TOKENS, THEME_TOKENS, type BrandToken, type ConcreteTheme, type SemanticToken } from './tokens.js';

/** Normal text needs 4.5:1 (WCAG 1.4.3); large text and UI components (borders, focus ring) 3:1 (1.4.11). */
export const AA_TEXT = 4.5;
export const AA_UI = 3;

export interface ContrastPair {
  fg: SemanticToken;
  bg: SemanticToken;
  min: number;
  /** What the pair is on screen, for reports. */
  use: string;
}

export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  { fg: 'color-text', bg: 'color-surface', min: AA_TEXT, use: 'body text on the page surface' },
  { fg: 'color-text', bg: 'color-surface-raised', min: AA_TEXT, use: 'body text on cards and sections' },
  { fg: 'color-text', bg: 'color-surface-sunken', min: AA_TEXT, use: 'typed text in inputs' },
  { fg: 'color-text', bg: 'color-info-surface', min: AA_TEXT, use: 'text in info banners and highlights' },
  { fg: 'color-text-muted', bg: 'color-surface', min: AA_TEXT, use: 'hints on the page surface' },
  { fg: 'color-text-muted', bg: 'color-surface-raised', min: AA_TEXT, use: 'hints on cards' },
  { fg: 'color-on-accent', bg: 'color-accent', min: AA_TEXT, use: 'label of a primary button' },
  { fg: 'color-accent-text', bg: 'color-surface-raised', min: AA_TEXT, use: 'links on cards' },
  { fg: 'color-accent-text', bg: 'color-surface', min: AA_TEXT, use: 'links on the page surface' },
  { fg: 'color-accent-text', bg: 'color-danger-surface', min: AA_TEXT, use: 'links in error banners' },
  { fg: 'color-accent-text', bg: 'color-success-surface', min: AA_TEXT, use: 'links in success banners' },
  { fg: 'color-accent-text', bg: 'color-warning-surface', min: AA_TEXT, use: 'links in warning banners' },
  { fg: 'color-on-danger', bg: 'color-danger-fill', min: AA_TEXT, use: 'label of a destructive button' },
  { fg: 'color-danger-text', bg: 'color-surface-raised', min: AA_TEXT, use: 'field errors' },
  { fg: 'color-danger-text', bg: 'color-danger-surface', min: AA_TEXT, use: 'error banners' },
  { fg: 'color-success-text', bg: 'color-success-surface', min: AA_TEXT, use: 'success banners' },
  { fg: 'color-warning-text', bg: 'color-warning-surface', min: AA_TEXT, use: 'warning banners' },
  { fg: 'color-border-strong', bg: 'color-surface-raised', min: AA_UI, use: 'control borders on cards' },
  { fg: 'color-border-strong', bg: 'color-surface-sunken', min: AA_UI, use: 'control borders in inputs' },
  { fg: 'color-focus', bg: 'color-surface-raised', min: AA_UI, use: 'focus ring on cards' },
  { fg: 'color-focus', bg: 'color-surface', min: AA_UI, use: 'focus ring on the page surface' },
  { fg: 'color-focus', bg: 'color-warning-surface', min: AA_UI, use: 'focus ring in warning banners' },
  { fg: 'color-accent', bg: 'color-surface-raised', min: AA_UI, use: 'primary button and selected control against cards' },
];

/** A theme as a page sees it: `auto` is light or dark depending on `prefers-color-scheme`. */
export const CONTRAST_THEMES: readonly { name: string; theme: ConcreteTheme }[] = [
  { name: 'light', theme: 'light' },
  { name: 'dark', theme: 'dark' },
  { name: 'branded', theme: 'branded' },
  { name: 'auto (light system)', theme: 'light' },
  { name: 'auto (dark system)', theme: 'dark' },
];

/** Brand token values a partner sets; missing ones keep their defaults. */
export type BrandColors = Partial<Record<BrandToken, string>>;

/** The colour of every semantic token of `theme`, brand tokens from `brand` or their defaults. */
export function themeColors(theme: ConcreteTheme, brand: BrandColors = {}): Record<SemanticToken, string> {
  const out = {} as Record<SemanticToken, string>;
  for (const token of SEMANTIC_TOKENS) {
    const v = THEME_TOKENS[theme][token];
    out[token] = typeof v === 'string' ? PRIMITIVES[v] : (brand[v.brand] ?? PRIMITIVES[BRAND_TOKENS[v.brand]]);
  }
  return out;
}

/** Semantic tokens a brand token drives in `theme` (branded: accent, focus, info surface). */
export function brandDriven(theme: ConcreteTheme): Set<SemanticToken> {
  return new Set(SEMANTIC_TOKENS.filter((t) => typeof THEME_TOKENS[theme][t] !== 'string'));
}

export interface ContrastResult extends ContrastPair {
  fgColor: string;
  bgColor: string;
  /** Undefined when a colour cannot be parsed (then `pass` is false). */
  ratio: number | undefined;
  pass: boolean;
}

/** Every pair of {@link CONTRAST_PAIRS} measured in `theme`. */
export function checkContrast(theme: ConcreteTheme, brand: BrandColors = {}, pairs: readonly ContrastPair[] = CONTRAST_PAIRS): ContrastResult[] {
  const colors = themeColors(theme, brand);
  return pairs.map((pair) => {
    const ratio = contrastRatio(colors[pair.fg], colors[pair.bg]);
    return { ...pair, fgColor: colors[pair.fg], bgColor: colors[pair.bg], ratio, pass: ratio !== undefined && ratio >= pair.min };
  });
}
