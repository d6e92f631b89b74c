import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from './opener.js';
import { focusedElement } from './focused.js';

const HEADING = ':is(h1, h2, h3, h4, h5, h6, [role=heading]):not(dialog *)';
const CONTROL = ':is(button, input, select, textarea, a[href], [tabindex]):not(:disabled, [tabindex="-1"], dialog *)';

/**
 * Focus on the start of `scope`: its first heading, made focusable with `tabindex="-1"` (out of
 * the tab order), else its first enabled control, else `self` (the element `scope` is, when it
 * is one) made focusable the same way. For when the control that had focus went away (a Retry
 * replaced by what it loaded, a removed row's button).
 */
function focusStart(scope: ParentNode, self?: HTMLElement): void {
  const target =
    (self?.matches(HEADING) ? self : scope.querySelector<HTMLElement>(HEADING)) ?? (self?.matches(CONTROL) ? self : scope.querySelector<HTMLElement>(CONTROL)) ?? self;
  if (!target) return;
  if (!target.matches(CONTROL) && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

/** Focus on the first match of `first` in a shadow root, else on the start of its content (see focusStart). */
export function focusContent(root: ShadowRoot, first?: string): void {
  const target = first ? root.querySelector<HTMLElement>(first) : null;
  if (!target) return focusStart(root);
  if (!target.matches(CONTROL) && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

/**
 * The focus half of a Retry that reloads a failed section (ui/retry.ts, which calls this once the
 * module is in): once the reload has settled and the host has rendered what it brought (the
 * content, or the error again), focus goes to the start of that section, since the Retry button
 * it was on is gone. An element may hold several sections (the overview's blocks, login history's
 * two tables), so the start looked for is that of the failure's own container (`parent`): its
 * heading, else what replaced the failure there (what is not in `before`). Not the element's first
 * heading. Focus the user moved meanwhile stays.
 */
export function focusRetried(root: Node | undefined, ctrl: { readonly phase: string }, parent: ParentNode | null | undefined, before: Set<Element>): void {
  focusAfterReload(root, ctrl, () => {
    if (!parent?.isConnected) return;
    const fresh = [...parent.children].find((c) => !before.has(c));
    if (fresh instanceof HTMLElement && !parent.querySelector(HEADING)) focusStart(fresh, fresh);
    else focusStart(parent, parent instanceof HTMLElement ? parent : undefined);
    return true;
  });
}

/**
 * For a reload already started (a Retry's, see focusRetried), and the settings elements' one way
 * of placing focus after a Save, Discard or conflict (SettingsController._focusStart imports this
 * module then, so their entries do not carry it). It may start after the reload settled: the host
 * renders once more, so the watcher always sees a settled render. `place` as a selector: focus
 * goes there even if the user holds it elsewhere (a conflict: nothing else can be done before
 * choosing). As a function: it puts focus and says whether it could, when focus was lost; else
 * focus goes to the start of the shadow root.
 */
export function focusAfterReload(root: Node | undefined, ctrl: { readonly phase: string }, place?: string | (() => boolean | undefined)): void {
  if (!(root instanceof ShadowRoot)) return;
  const host = root.host as HTMLElement & ReactiveControllerHost;
  const watcher: ReactiveController = {
    hostUpdated: () => {
      if (ctrl.phase === 'loading') return;
      host.removeController(watcher);
      if (typeof place === 'string') focusContent(root, place);
      else if (!focusedElement() && !place?.()) focusContent(root);
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
