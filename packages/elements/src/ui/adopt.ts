import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult } from 'lit';

const adopted = new WeakMap<CSSResult, WeakSet<ShadowRoot>>();

/**
 * Adds styles that came with a lazy chunk (forms, dialogs) to an element's own, once per shadow
 * root, so the element's first paint does not carry them (issue 10).
 */
export function adoptOnce(root: ShadowRoot | null | undefined, styles: CSSResult): void {
  if (!root) return;
  const roots = adopted.get(styles) ?? new WeakSet<ShadowRoot>();
  adopted.set(styles, roots);
  if (roots.has(root)) return;
  roots.add(root);
  // Without constructable sheets lit appends <style> elements, so only the new one is added.
  adoptStyles(root, supportsAdoptingStyleSheets ? [...root.adoptedStyleSheets, styles] : [styles]);
}
