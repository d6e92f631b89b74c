import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { LazyPart } from './lazy.js';
import { renderBanner } from '../ui/field.js';

/**
 * The actions of a list element that only a click starts (create, revoke, invite, sign out) kept
 * in a lazy chunk (issue 10). `run(action, fn)` loads the chunk, then runs `fn` with it; while
 * the chunk is on its way `loading(action)` is true so the control renders busy, and if it cannot
 * be fetched `renderFailure()` shows a translated message next to the control with a Retry that
 * runs the same action again (a failed load is retried by the next `load()`).
 *
 * An action name is `group` or `group:target` (`revoke:key-1`): a row's button is busy on its
 * own, and the failure of any row shows once, where the group's errors go.
 */
export class LazyActions<M> implements ReactiveController {
  /** @internal */
  readonly chunk: LazyPart<M>;
  readonly #host: ReactiveControllerHost;
  readonly #waiting = new Set<string>();
  #failed: { action: string; retry: () => void } | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, loader: () => Promise<M>) {
    this.#host = host;
    host.addController(this);
    this.chunk = new LazyPart(host, loader);
  }

  hostConnected(): void {}

  /** The chunk, once loaded. */
  get value(): M | undefined {
    return this.chunk.value;
  }

  /** True while `action` waits for the chunk. */
  loading(action: string): boolean {
    return this.#waiting.has(action);
  }

  /**
   * Loads the chunk (once) and runs `fn` with it; undefined when the chunk could not be fetched.
   * Retry runs `retry` (by default the same `fn` again; pass the handler when `fn` holds values
   * that may be stale by then).
   */
  async run<R>(action: string, fn: (chunk: M) => R | Promise<R>, retry: () => unknown = () => this.run(action, fn)): Promise<R | undefined> {
    const ready = this.chunk.value;
    if (ready) {
      if (this.#failed) {
        this.#failed = undefined;
        this.#host.requestUpdate();
      }
      return fn(ready);
    }
    if (this.#waiting.has(action)) return undefined;
    this.#waiting.add(action);
    this.#failed = undefined;
    this.#host.requestUpdate();
    let chunk: M;
    try {
      chunk = await this.chunk.load();
    } catch {
      this.#failed = { action, retry: () => void retry() };
      return undefined;
    } finally {
      this.#waiting.delete(action);
      this.#host.requestUpdate();
    }
    return fn(chunk);
  }

  /** The failed load of an action of `group`, with a Retry; nothing otherwise. */
  renderFailure(group: string): TemplateResult | typeof nothing {
    const failed = this.#failed;
    if (!failed || (failed.action !== group && !failed.action.startsWith(`${group}:`))) return nothing;
    return renderBanner(
      'danger',
      msg('This action could not be loaded. Check your connection and retry.'),
      html`<button type="button" part="button" @click=${failed.retry}>${msg('Retry')}</button>`,
    );
  }
}
