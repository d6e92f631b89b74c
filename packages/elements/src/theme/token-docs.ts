/**
 * What each public token means, for the generated theming guide (`npm run docs`). Kept beside the
 * theme data and not imported by any element, so it never reaches the bundle. A unit test checks
 * that every semantic, brand and scale token has a description here.
 */
import type { BrandToken, SemanticToken, SCALE_TOKENS } from './tokens.js';

export const SEMANTIC_DOCS: Record<SemanticToken, string> = {
  'color-surface': 'Page background behind sections.',
  'color-surface-raised': 'Background of sections, cards, dialogs and menus.',
  'color-surface-sunken': 'Background of inputs, selects and text areas.',
  'color-text': 'Body text and typed text.',
  'color-text-muted': 'Hints and secondary text.',
  'color-border': 'Dividers and decorative borders (no contrast requirement).',
  'color-border-strong': 'Borders of controls (inputs, checkboxes, secondary buttons): 3:1.',
  'color-accent': 'Primary buttons, selected tabs, checked controls.',
  'color-on-accent': 'Text and icons on `color-accent`.',
  'color-accent-text': 'Links and accent-coloured text on surfaces.',
  'color-focus': 'Focus ring.',
  'color-danger-fill': 'Destructive buttons.',
  'color-on-danger': 'Text on `color-danger-fill`.',
  'color-danger-text': 'Field errors and error text.',
  'color-danger-surface': 'Background of error banners.',
  'color-success-text': 'Success messages.',
  'color-success-surface': 'Background of success banners.',
  'color-warning-text': 'Warnings.',
  'color-warning-surface': 'Background of warning banners.',
  'color-info-surface': 'Background of info banners and highlighted rows.',
  'color-skeleton': 'Loading placeholders.',
};

export const BRAND_DOCS: Record<BrandToken | 'brand-font' | 'brand-radius', string> = {
  'brand-primary': 'Partner accent colour (`brand.primary`): drives `color-accent` in the branded theme.',
  'brand-on-primary': 'Text on the brand accent (`brand.onPrimary`); picked for contrast from `brand.primary` when not given.',
  'brand-primary-text': 'Brand colour for links, accent text, the selected tab and the focus ring (`brand.primaryText`); needs 4.5:1 on white and `color-surface`. Derived from `brand.primary` when not given: that colour if it has 4.5:1, else the lightest darker shade of it that has.',
  'brand-surface': 'Tinted highlight surface (`brand.surface`): drives `color-info-surface`.',
  'brand-font': 'Font family of the branded theme (`brand.font`); no default token, falls back to `font-family`.',
  'brand-radius': 'Corner radius of the branded theme (`brand.radius`); falls back to `radius-m`.',
};

export const SCALE_DOCS: Record<keyof typeof SCALE_TOKENS, string> = {
  'font-family': 'Font of every element.',
  'font-size-s': 'Hints, table cells, badges.',
  'font-size-m': 'Body text and controls.',
  'font-size-l': 'Section headings.',
  'font-weight-strong': 'Headings and emphasised values.',
  'line-height': 'Body line height.',
  'radius-s': 'Corners of controls: inputs, buttons, badges.',
  'radius-m': 'Corners of sections, menus and the tab strip (the branded theme sets it from `brand.radius`).',
  'space-xs': 'Smallest spacing step (inside badges and inputs).',
  'space-s': 'Gap between a label, its control and its hint.',
  'space-m': 'Gap between fields; default of `--acct-section-gap`.',
  'space-l': 'Indentation and padding of larger blocks.',
  'space-xl': 'Largest spacing step.',
  'control-height': 'Height of inputs and buttons (at least 2.5rem: touch target).',
  'focus-width': 'Width of the focus ring.',
};
