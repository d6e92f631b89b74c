import { deepActiveElement } from './opener.js';

/**
 * The focused element, looked up through open shadow roots; null when focus is on `<body>`, or
 * still on an element that can no longer hold it (in a dialog that just closed, or disabled) and
 * that the browser moves to `<body>` at its next rendering step.
 */
export function focusedElement(): HTMLElement | null {
  const el = deepActiveElement();
  if (!(el instanceof HTMLElement) || el === document.body) return null;
  return el.matches(':disabled') || !el.checkVisibility() ? null : el;
}
