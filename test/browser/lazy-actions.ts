// Helpers for elements whose click-only actions come in a lazy chunk (base/lazy-actions.ts): wait
// for the chunk, and drive a failed chunk load through the element's test-only `actionsLoader`.
import { expect, shadow, until } from './helpers.js';

/** An element class with the test-only chunk hook. */
export interface WithActionsLoader {
  actionsLoader: () => Promise<unknown>;
}

type Host = HTMLElement & { updateComplete: Promise<unknown> };

/** Resolves once the element's actions chunk is in (the browser caches the module) and it has rendered. */
export async function actionsReady(el: Host): Promise<void> {
  await (el.constructor as unknown as WithActionsLoader).actionsLoader();
  await el.updateComplete;
}

/**
 * The next chunk load of `ctor` waits until `fail()` and then fails as a fetch that cannot reach
 * the server does; loads after it use the real chunk. `restore()` puts the real loader back.
 */
export function holdThenFailActionsLoader(ctor: WithActionsLoader): { attempts: () => number; fail: () => void; restore: () => void } {
  const original = ctor.actionsLoader;
  let attempts = 0;
  let reject: ((e: unknown) => void) | undefined;
  ctor.actionsLoader = () => {
    attempts++;
    if (attempts > 1) return original();
    return new Promise((_resolve, no) => (reject = no));
  };
  return {
    attempts: () => attempts,
    fail: () => reject?.(new TypeError('Failed to fetch dynamically imported module')),
    restore: () => (ctor.actionsLoader = original),
  };
}

/**
 * The chunk-failure path of one action: while the chunk loads the control is busy; when the load
 * fails a translated error with a Retry shows inside `near` (next to the control) and nothing was
 * sent; Retry loads the chunk again and the action completes.
 */
export async function expectChunkFailureThenRetry(o: {
  el: Host;
  ctor: WithActionsLoader;
  /** The control that starts the action (looked up again after each render). */
  control: () => HTMLButtonElement;
  /** Starts the action; clicks the control unless told. */
  start?: () => void;
  /** Where the error must be shown: the control's form or section. */
  near: () => ParentNode;
  /** Nothing reached the adapter yet. */
  nothingSent: () => boolean;
  /** Holds once the action went ahead after Retry. */
  done: () => unknown;
  /** The busy label, the error and the retry label in the element's locale; English unless told. */
  texts?: { busy: RegExp; error: RegExp; retry: RegExp };
}): Promise<void> {
  const texts = o.texts ?? { busy: /loading/i, error: /could not be loaded/, retry: /retry/i };
  const loader = holdThenFailActionsLoader(o.ctor);
  try {
    (o.start ?? (() => o.control().click()))();
    await until(() => o.control().getAttribute('aria-busy') === 'true', 'busy control while the chunk loads');
    expect(o.control().disabled).to.equal(true);
    expect(o.control().textContent).to.match(texts.busy);
    loader.fail();
    const message = () => [...o.near().querySelectorAll('[role=alert]')].find((n) => texts.error.test(n.textContent ?? ''));
    await until(message, 'chunk error next to the control');
    expect(o.control().getAttribute('aria-busy')).to.equal('false');
    expect(o.nothingSent(), 'nothing sent without the chunk').to.equal(true);
    await expect(o.el).to.be.accessible();
    const retry = [...message()!.querySelectorAll('button')].find((b) => texts.retry.test(b.textContent ?? ''));
    expect(!!retry, 'Retry next to the message').to.equal(true);
    retry!.click();
    await until(o.done, 'action after Retry');
    expect(loader.attempts()).to.equal(2);
    expect(!!message(), 'error gone after Retry').to.equal(false);
    expect(shadow(o.el).textContent).to.not.match(texts.error);
  } finally {
    loader.restore();
  }
}
