/** The focused element, looked up through open shadow roots. */
export function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const openers = new WeakMap<Element, Element | null>();

/**
 * Remembers what has focus as an action of `host` begins: a dialog the action opens after an
 * await (a lazy chunk, while the busy control is disabled and loses focus) returns focus there
 * (ConfirmController). Call the returned function when the action is over.
 */
export function rememberOpener(host: Element): () => void {
  const el = deepActiveElement();
  openers.set(host, el);
  return () => openers.get(host) === el && openers.delete(host);
}

/** What a dialog of `host` opened now returns focus to: the remembered opener, else what has focus. */
export function openerOf(host: Element): Element | null | undefined {
  return openers.get(host) ?? deepActiveElement();
}
