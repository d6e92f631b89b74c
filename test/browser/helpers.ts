import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

/** Every browser suite runs under the strict CSP of web-test-runner.config.mjs; any violation fails. */
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`);
});

/** Takes the violations seen so far (for the test that provokes some on purpose). */
export async function takeViolations(): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 0));
  return violations.splice(0);
}

afterEach(async () => {
  // Violation events are queued as tasks; let them arrive before judging the test.
  await new Promise((r) => setTimeout(r, 0));
  const seen = violations.splice(0);
  expect(seen, 'Content-Security-Policy violations').to.deep.equal([]);
});

/** Collects events of the given names from `target` (bubbling, composed ones from inside). */
export function recordEvents(target: EventTarget, names: string[]): CustomEvent[] {
  const seen: CustomEvent[] = [];
  for (const name of names) target.addEventListener(name, (e) => seen.push(e as CustomEvent));
  return seen;
}

/** Waits until `predicate` holds, re-checking after each animation frame (fails after `ms`). */
export async function until(predicate: () => unknown, message = 'condition', ms = 3000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

export function q<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in ${el.localName}`);
  return found;
}

/** Text of the element's polite live region. */
export function liveText(el: Element): string {
  return shadow(el).querySelector('[aria-live]')?.textContent?.trim() ?? '';
}

export { expect, fixture, html, type TemplateResult };

/**
 * Waits for an element's own form (not a dialog's) to be rendered, then for the render to settle.
 * Forms behind a button or in `mode="form"` come in a lazy chunk (issue 10): a test that types
 * into one right after mounting awaits it here.
 */
export async function untilForm(el: Element & { updateComplete?: Promise<unknown> }, message = `${el.localName} form`): Promise<void> {
  await until(() => shadow(el).querySelector('form:not([method=dialog])'), message);
  await el.updateComplete;
}
