import type { ReactiveController } from 'lit';
import { Load } from './load.js';
import { AdapterError, isAbortError, parseResponse, toAdapterError, Viewer, type AccountAdapter, type Schema, type WriteOptions } from '@acct/core';
import type { AcctElement } from './acct-element.js';
import { ReauthController } from './reauth.js';
import { errorMessage, fieldMessage } from '../i18n/messages.js';

export type ResourcePhase = 'missing' | 'loading' | 'error' | 'ready';

export interface ResourceControllerOptions<T, A> {
  /** Domain name used in events (`apiKeys`, `users`). */
  section: string;
  /** The sub-API the element needs; resolved on every read so a late provider counts. */
  api: () => A | undefined;
  /** Reads and parses (with core's `parseResponse`) everything the element shows. */
  load: (api: A, signal: AbortSignal) => Promise<T>;
  /** Share one re-authentication dialog between several controllers of one element. */
  reauth?: ReauthController;
}

/** The last failed action: which one, and why. */
export interface ActionFailure {
  operation: string;
  error: AdapterError;
  /** A sentence for this case, rendered instead of the error code's own. */
  message?: () => string;
}

/**
 * Reads `read` and, when the host implements `viewer`, who is signed in (their role decides what
 * they may do, their username is what they type to confirm), in parallel.
 */
export async function readWithViewer<T>(adapter: AccountAdapter | undefined, read: Promise<T>, signal: AbortSignal): Promise<[T, Viewer | undefined]> {
  const viewerApi = adapter?.viewer;
  const [data, viewer] = await Promise.all([read, viewerApi?.get({ signal })]);
  return [data, viewerApi ? parseResponse(Viewer, viewer) : undefined];
}

/**
 * Load and act for list elements (API keys, users, sessions, privacy requests): a load through
 * a Load (base/load.ts) with an AbortSignal, the loading / error / ready states, actions with one idempotency
 * key per attempt (a retry of the same input reuses it), `reauth_required` answered through the
 * ReauthController, `acct-error` events, and a reload after every successful action. Data stays
 * on screen while it reloads.
 */
export class ResourceController<T, A = unknown> implements ReactiveController {
  data: T | undefined;
  /** The action in flight, if any (buttons are disabled meanwhile). */
  pending: string | undefined;
  failure: ActionFailure | undefined;
  #announcement = '';
  #alerted = '';

  /**
   * Text for the element's `aria-live` region. A failure that this render shows in an alert
   * (renderFailure) is said by that alert, so the region, rendered after it, stays silent for it:
   * announced once. Should the alert go (a reload shows the action is over) the region says it.
   */
  get announcement(): string {
    return this.#announcement === this.#alerted ? '' : this.#announcement;
  }

  set announcement(text: string) {
    this.#announcement = text;
  }

  /** @internal Called by renderFailure when it shows `message` in an alert. */
  _alert(message: string): void {
    this.#alerted = message;
  }

  hostUpdate(): void {
    this.#alerted = '';
  }

  readonly reauth: ReauthController;
  readonly #task: Load<[unknown], T>;
  /** @internal Kept by base/resource-act.ts: the key of the last attempt, reused by its retry. */
  _idempotency: { fingerprint: string; key: string } | undefined;
  /** @internal */
  _abort: AbortController | undefined;

  /** @internal The action code, fetched at the first action (tests replace it to fail). */
  static actLoader = (): Promise<typeof import('./resource-act.js')> => import('./resource-act.js');

  constructor(
    /** @internal */
    readonly host: AcctElement,
    private readonly options: ResourceControllerOptions<T, A>,
  ) {
    host.addController(this);
    this.reauth = options.reauth ?? new ReauthController(host);
    // Keyed on the adapter object (see SettingsController): a sub-API getter must not re-run it.
    this.#task = new Load(host, {
      args: () => [host.resolvedAdapter] as [unknown],
      task: async (_args, { signal }) => {
        const api = options.api();
        if (!api) return undefined as T;
        // Hosts may protect reads too (API keys, users): the same dialog answers them.
        const data = await this.reauth.run(() => options.load(api, signal));
        this.data = data;
        return data;
      },
      onError: (e) => {
        if (isAbortError(e)) return;
        // A failed reload after an action keeps the old data but says so.
        if (this.data) this.announcement = errorMessage(toAdapterError(e));
        this.host.emit('acct-error', { section: options.section, code: toAdapterError(e).code, operation: 'load' });
      },
    });
  }

  hostDisconnected(): void {
    this._abort?.abort();
  }

  get phase(): ResourcePhase {
    // No adapter yet but one coming (see adapterPending): wait in the skeleton. No adapter at all,
    // or one without this sub-API, is a gap the host must close: say so.
    if (!this.host.resolvedAdapter && this.host.adapterPending) return 'loading';
    if (!this.options.api()) return 'missing';
    if (this.data !== undefined) return 'ready';
    if (this.#task.failed) return 'error';
    return 'loading';
  }

  /** True while a (re)load is running, e.g. after an action. */
  get loading(): boolean {
    return this.#task.pending;
  }

  get loadErrorMessage(): string {
    return errorMessage(toAdapterError(this.#task.error));
  }

  /** Loads again; the current data stays shown until the answer arrives. */
  async reload(): Promise<void> {
    await this.#task.run();
  }

  /** A failed action's field error, translated when it is a known reason code. */
  fieldError(operation: string, path: string): string | undefined {
    const f = this.failure;
    const reason = f?.operation === operation && f.error.code === 'validation' ? f.error.fieldErrors?.[path] : undefined;
    return reason === undefined ? undefined : fieldMessage(reason, this.host);
  }

  /** The failure of `operation` as a sentence, unless it is a field validation shown by the fields. */
  failureMessage(operation: string): string | undefined {
    const f = this.failure;
    if (f?.operation !== operation) return undefined;
    if (f.error.code === 'validation' && f.error.fieldErrors && Object.keys(f.error.fieldErrors).length) return undefined;
    return f.message?.() ?? errorMessage(f.error);
  }

  /** Forgets the failure of an operation (the user changed the input or closed the form). */
  clearFailure(operation?: string): void {
    if (!operation || this.failure?.operation === operation) this.failure = undefined;
    this.host.requestUpdate();
  }

  /**
   * Runs a write (see base/resource-act.ts, whose chunk this fetches on the first action; the
   * action is busy meanwhile, and a chunk that cannot be fetched fails it as a network error).
   */
  async act<R>(
    operation: string,
    fingerprint: string,
    run: (o: WriteOptions) => Promise<unknown>,
    reply: Schema<R>,
    o?: { success?: string; reload?: boolean },
  ): Promise<{ value: R } | undefined> {
    if (this.pending) return undefined;
    this.pending = operation;
    this.host.requestUpdate();
    let chunk;
    try {
      chunk = await ResourceController.actLoader();
    } catch {
      this._fail(operation, new AdapterError('network'));
      return undefined;
    } finally {
      this.pending = undefined;
    }
    return chunk.act(this, operation, fingerprint, run, reply, o);
  }

  /** @internal Records a failed action: shown, announced, reported. */
  _fail(operation: string, error: AdapterError): void {
    this.failure = { operation, error };
    this.announcement = errorMessage(error);
    this.host.emit('acct-error', { section: this.options.section, code: error.code, operation });
    this.host.requestUpdate();
  }
}
