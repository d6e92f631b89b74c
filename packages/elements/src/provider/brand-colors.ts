// What <acct-provider> needs only when a partner gives `brand.primary` without the colours that
// go with it: colour parsing and WCAG contrast. A chunk, so pages without a brand do not load it.
import { contrastRatio, parseColor, readableOn, readableShade } from '@acct/core';
import { BRANDED_TEXT_SURFACES } from '../theme/surfaces.js';

/**
 * Any CSS colour (`teal`, `hsl(...)`) as `#rrggbb` or `rgba(...)`, which the contrast helpers
 * read; undefined for values only the page can resolve, such as `var(--x)` or `currentColor`.
 */
function resolveColor(value: string): string | undefined {
  if (parseColor(value)) return value;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  // A value the canvas cannot use leaves fillStyle unchanged: try from two different colours.
  const read = (from: string): string => {
    context.fillStyle = from;
    context.fillStyle = value;
    return String(context.fillStyle);
  };
  const a = read('#000000');
  return a === read('#ffffff') ? a : undefined;
}

/**
 * Sets on `style` the brand colours derived from `primary`: text on it (black or white, whichever
 * reads better), and the text-grade colour for links, the selected tab and the focus ring
 * (`primary` itself when it has 4.5:1 on the light surfaces, else the lightest darker shade that has).
 */
export function deriveBrandColors(style: CSSStyleDeclaration, value: string, which: { onPrimary: boolean; primaryText: boolean }): void {
  const primary = resolveColor(value);
  if (!primary) return;
  if (which.onPrimary) {
    const on = readableOn(primary);
    if ((contrastRatio(on, primary) ?? 0) > 0) style.setProperty('--acct-brand-on-primary', on);
  }
  if (which.primaryText) {
    const text = readableShade(primary, BRANDED_TEXT_SURFACES);
    if (text) style.setProperty('--acct-brand-primary-text', text);
  }
}
