import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A host whose `updateComplete` also waits for the chunks it asked for (AcctElement): code that
 * clicks a control and awaits `updateComplete` then sees what the click opens, as it did when
 * that code was in the element.
 */
export interface AwaitsChunks {
  awaitChunk(load: Promise<unknown>): void;
}

/**
 * Code only an interaction needs (a form behind a "Change" button, an enrolment wizard), loaded
 * on first use so the element's first paint does not carry it (issue 10). The host's render reads
 * `value` and shows a busy control until it is there. Loading starts at the first sign of intent
 * (pointer over or focus inside the host), so by the time the click lands the chunk is usually
 * in; `load()` is idempotent and shared by every instance (the browser caches the module).
 *
 * A failed fetch (offline, a deploy replaced the chunk) is kept in `error` and retried by the next
 * `load()`, so the host can say so next to the control instead of doing nothing.
 */
export class LazyPart<M> implements ReactiveController {
  value: M | undefined;
  error: unknown;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #loader: () => M | Promise<M>;
  #pending: Promise<M> | undefined;
  // A prefetch: nothing waits for it yet, so the host's updateComplete does not either.
  readonly #intent = (): void => void this.#fetch().catch(() => undefined);

  /**
   * `loader` may return the module itself when it is already in (a module-level cache), so a
   * later instance renders with it at once instead of one render later.
   */
  constructor(host: ReactiveControllerHost & HTMLElement, loader: () => M | Promise<M>) {
    this.#host = host;
    this.#loader = loader;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerover', this.#intent, { once: true, passive: true });
    this.#host.addEventListener('focusin', this.#intent, { once: true, passive: true });
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerover', this.#intent);
    this.#host.removeEventListener('focusin', this.#intent);
  }

  /** The module; loads it once and re-renders the host when it arrives or fails. */
  load(): Promise<M> {
    const loading = this.#fetch();
    if (!this.value && 'awaitChunk' in this.#host) (this.#host as unknown as AwaitsChunks).awaitChunk(loading);
    return loading;
  }

  #fetch(): Promise<M> {
    if (this.value) return Promise.resolve(this.value);
    if (this.#pending) return this.#pending;
    const loaded = this.#loader();
    if (!(loaded instanceof Promise)) {
      this.value = loaded;
      this.error = undefined;
      return Promise.resolve(loaded);
    }
    this.#pending = loaded.then(
      (m) => {
        this.value = m;
        this.error = undefined;
        this.#host.requestUpdate();
        return m;
      },
      (e: unknown) => {
        this.#pending = undefined;
        this.error = e;
        this.#host.requestUpdate();
        throw e;
      },
    );
    return this.#pending;
  }
}
