import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { LazyPart } from './lazy.js';
import { renderLoadFailure } from '../ui/lazy-view.js';
import { rememberOpener } from '../ui/opener.js';

/**
 * The actions of a list element that only a click starts (create, revoke, invite, sign out) kept
 * in a lazy chunk (issue 10). `run(action, fn)` loads the chunk, then runs `fn` with it; while
 * the chunk is on its way `loading(action)` is true so the control renders busy, and if it cannot
 * be fetched `renderFailure()` shows a translated message next to the control with a Retry that
 * runs the action again (a failed load is retried by the next `load()`).
 *
 * An action name is `group` or `group:target` (`revoke:key-1`): a row's button is busy on its
 * own, and the failure of any row shows once, where the group's errors go.
 */
export class LazyActions<M> extends LazyPart<M> {
  readonly #host: HTMLElement;
  readonly #update: () => void;
  readonly #waiting = new Set<string>();
  #failed: { action: string; retry: () => unknown } | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, loader: () => Promise<M>) {
    super(host, loader);
    this.#host = host;
    this.#update = () => host.requestUpdate();
  }

  /** True while `action` waits for the chunk. */
  loading(action: string): boolean {
    return this.#waiting.has(action);
  }

  /**
   * Loads the chunk (once) and runs `fn` with it; undefined when the chunk could not be fetched.
   * Retry calls `retry`: by default `run` with the same `fn`; pass the handler instead when `fn`
   * holds values that may be stale by then.
   */
  async run<R>(action: string, fn: (chunk: M) => R | Promise<R>, retry: () => unknown = () => this.run(action, fn)): Promise<R | undefined> {
    let chunk = this.value;
    const cold = this.#failed !== undefined || !chunk;
    if (cold && this.#waiting.has(action)) return undefined;
    // The control is disabled while the chunk loads, which takes its focus: a dialog the action
    // opens (after that or any other await) returns focus to it all the same (ConfirmController).
    const forget = rememberOpener(this.#host);
    try {
      if (cold || !chunk) {
        this.#failed = undefined;
        this.#waiting.add(action);
        this.#update();
        try {
          chunk = await this.load();
        } catch {
          this.#failed = { action, retry };
          return undefined;
        } finally {
          this.#waiting.delete(action);
          this.#update();
        }
      }
      return await fn(chunk);
    } finally {
      forget();
    }
  }

  /** The failed load of an action of `group`, with a Retry; nothing otherwise. */
  renderFailure(group: string): TemplateResult | typeof nothing {
    const failed = this.#failed;
    return failed && (failed.action + ':').startsWith(group + ':') ? renderLoadFailure(failed.retry) : nothing;
  }
}
