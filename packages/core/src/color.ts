/** WCAG 2.x contrast for hex and rgb() colours; used for the theme check and brand colours. */

export type Rgb = [number, number, number];

export function parseColor(value: string): Rgb | undefined {
  const v = value.trim().toLowerCase();
  const hexMatch = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v)?.[1];
  if (hexMatch) {
    const hex = hexMatch.length === 3 ? [...hexMatch].map((c) => c + c).join('') : hexMatch;
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  }
  const m = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(v);
  if (m) {
    const rgb = [m[1], m[2], m[3]].map(Number) as Rgb;
    return rgb.every((c) => c <= 255) ? rgb : undefined;
  }
  return undefined;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio (1..21), or undefined when a colour cannot be parsed. */
export function contrastRatio(a: string, b: string): number | undefined {
  const ca = parseColor(a);
  const cb = parseColor(b);
  if (!ca || !cb) return undefined;
  const [hi, lo] = [relativeLuminance(ca), relativeLuminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function readableOn(background: string): '#000000' | '#ffffff' {
  const white = contrastRatio('#ffffff', background) ?? 21;
  const black = contrastRatio('#000000', background) ?? 1;
  return white >= black ? '#ffffff' : '#000000';
}

/**
 * `color` itself when it has `min` contrast on every one of `backgrounds` (light ones), else the
 * lightest shade of it (its channels scaled towards black, so the hue stays) that has; undefined
 * when a colour cannot be parsed or no shade is enough.
 */
export function readableShade(color: string, backgrounds: readonly string[], min = 4.5): string | undefined {
  const rgb = parseColor(color);
  if (!rgb) return undefined;
  const hex = (f: number): string => `#${rgb.map((c) => Math.floor(c * f).toString(16).padStart(2, '0')).join('')}`;
  const enough = (f: number): boolean => backgrounds.every((bg) => (contrastRatio(hex(f), bg) ?? 0) >= min);
  if (enough(1)) return color;
  if (!enough(0)) return undefined;
  let [lo, hi] = [0, 1]; // enough(lo), not enough(hi)
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2;
    if (enough(mid)) lo = mid;
    else hi = mid;
  }
  return hex(lo);
}
