import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { focusContent } from './focus.js';
import { focusedElement } from './focused.js';

/** How long focus is watched after a dialog closed: the confirmed action's round trip, generously. */
const WATCH_MS = 60_000;

/**
 * Returns focus to `opener` after a dialog of `host` closed, and keeps it sensible while the
 * action the dialog confirmed runs. The browser's own return fails when the opener could not hold
 * focus as the dialog opened (disabled while its lazy chunk loaded), a busy opener is disabled and
 * the browser drops its focus to `<body>`, and a removed row takes its button with it. So after
 * each render of the host, while focus is lost: back on the opener once it can take focus, or,
 * when it has left the page, on the start of the host's content. Stops at the user's next key or
 * pointer press, when focus is elsewhere, or after a minute.
 */
export function returnFocus(host: ReactiveControllerHost & HTMLElement, given: Element | null | undefined): () => void {
  const root = host.shadowRoot;
  // Only a control of this host (its shadow root or light DOM children) is taken back to.
  const opener = given instanceof HTMLElement && (root?.contains(given) || host.contains(given)) ? given : undefined;
  let stopped = false;
  const place = (): void => {
    if (stopped) return;
    const now = focusedElement();
    if (!root || !host.isConnected || (now && now !== opener)) return stop();
    if (!opener?.isConnected) {
      focusContent(root);
      return stop();
    }
    if (!now) opener.focus(); // disabled while busy: no effect, tried again after the next render
  };
  const watcher: ReactiveController = { hostUpdated: place, hostDisconnected: () => stop() };
  const timer = setTimeout(() => stop(), WATCH_MS);
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    host.removeController(watcher);
    clearTimeout(timer);
    document.removeEventListener('keydown', stop, true);
    document.removeEventListener('pointerdown', stop, true);
  };
  host.addController(watcher);
  document.addEventListener('keydown', stop, true);
  document.addEventListener('pointerdown', stop, true);
  place();
  return stop;
}
