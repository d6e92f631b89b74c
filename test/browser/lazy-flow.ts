// Elements whose interaction-only flow is a lazy chunk (issue 10): tests that poke the flow's
// forms right after the first paint await the chunk instead of sleeping.
import type { LazyPart } from '../../packages/elements/src/base/lazy.js';

interface WithFlow extends HTMLElement {
  readonly flow: LazyPart<unknown>;
  readonly updateComplete: Promise<boolean>;
}

interface FlowClass {
  flowLoader: () => Promise<unknown>;
}

/** Resolves once the element's lazy flow is loaded and the element has rendered with it. */
export async function flowLoaded(el: Element): Promise<void> {
  await (el as WithFlow).flow.load();
  await (el as WithFlow).updateComplete;
}

/**
 * Makes the next `count` chunk fetches of the class's flow fail as an unreachable chunk does;
 * returns a function that puts the real loader back (call it in `finally`).
 */
export function failFlowLoads(cls: FlowClass, count = 1): () => void {
  const real = cls.flowLoader;
  let left = count;
  cls.flowLoader = () => (left-- > 0 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real());
  return () => {
    cls.flowLoader = real;
  };
}
