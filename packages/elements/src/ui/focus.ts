import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

/**
 * Focus on the start of a shadow root's content: its first heading (or the first match of
 * `first`), made focusable with `tabindex="-1"` (out of the tab order), else its first enabled
 * control. For when the control that had focus went away (a Retry replaced by what it loaded, a
 * removed row's button).
 */
export function focusContent(root: ShadowRoot, first = ':is(h1, h2, h3, h4, h5, h6, [role=heading]):not(dialog *)'): void {
  const heading = root.querySelector<HTMLElement>(first);
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
    return;
  }
  root.querySelector<HTMLElement>(':is(button, input, select, textarea, a[href], [tabindex]):not(:disabled, [tabindex="-1"], dialog *)')?.focus();
}

/**
 * The click handler of a Retry that reloads a failed section: once the reload has settled and the
 * host has rendered what it brought (the content, or the error again), focus goes to the start of
 * that content, since the Retry button it was on is gone. Focus the user moved meanwhile stays.
 */
export function retryLoad(event: Event, ctrl: { readonly phase: string; reload(): unknown }): void {
  const root = (event.currentTarget as Element | null)?.getRootNode();
  void ctrl.reload();
  focusAfterReload(root, ctrl);
}

/**
 * The focus half of `retryLoad`, for a reload already started, and the settings elements' one way
 * of placing focus after a Save, Discard or conflict (SettingsController._focusStart imports this
 * module then, so their entries do not carry it). It may start after the reload settled: the host
 * renders once more, so the watcher always sees a settled render. With `first`, focus goes there
 * even if the user holds it elsewhere (a conflict: nothing else can be done before choosing).
 */
export function focusAfterReload(root: Node | undefined, ctrl: { readonly phase: string }, first?: string): void {
  if (!(root instanceof ShadowRoot)) return;
  const host = root.host as HTMLElement & ReactiveControllerHost;
  const watcher: ReactiveController = {
    hostUpdated: () => {
      if (ctrl.phase === 'loading') return;
      host.removeController(watcher);
      if (first || !focusedElement()) focusContent(root, first);
    },
  };
  host.addController(watcher);
  host.requestUpdate();
}

/**
 * Puts focus on a field whose error just appeared, so it is said once: moving focus there reads
 * the error with the field (aria-describedby), and the result is '' for the live region; when
 * focus is already on it (Enter pressed in it) nothing would be read, so the error is returned
 * for the live region to say.
 */
export function focusFieldError(field: HTMLElement | null | undefined, error: string): string {
  if (!field || deepActiveElement() === field) return error;
  field.focus();
  return '';
}
