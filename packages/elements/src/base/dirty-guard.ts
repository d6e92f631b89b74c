import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AcctElement } from './acct-element.js';

/**
 * While a form holds unsaved edits: guards `beforeunload` and emits `acct-dirty-change`, so a host
 * SPA can guard its own routes too.
 */
export class DirtyGuardController implements ReactiveController {
  #dirty = false;

  constructor(
    private readonly host: ReactiveControllerHost & AcctElement,
    private readonly section: string,
  ) {
    host.addController(this);
  }

  get dirty(): boolean {
    return this.#dirty;
  }

  set(dirty: boolean): void {
    if (dirty === this.#dirty) return;
    this.#dirty = dirty;
    this.#listen(dirty && this.host.isConnected);
    this.host.emit('acct-dirty-change', { section: this.section, dirty });
  }

  hostConnected(): void {
    this.#listen(this.#dirty);
  }

  hostDisconnected(): void {
    this.#listen(false);
  }

  #listen(on: boolean): void {
    if (on) window.addEventListener('beforeunload', this.#onBeforeUnload);
    else window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    event.returnValue = '';
  };
}
