import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import {
  AdapterError,
  isAbortError,
  parseResponse,
  toAdapterError,
  updated,
  versioned,
  type Schema,
  type SettingsApi,
} from '@acct/core';
import type { AcctElement } from './acct-element.js';
import type { DescribeField } from './settings-conflict.js';
import { DirtyGuardController } from './dirty-guard.js';
import { ReauthCancelled, ReauthController } from './reauth.js';
import { changedPaths, deepEqual, diffPatch, getPath, setPath } from './paths.js';
import { errorMessage, fieldErrorMessage } from '../i18n/messages.js';

export type SettingsPhase = 'missing' | 'loading' | 'error' | 'ready' | 'saving' | 'conflict';

export interface SettingsControllerOptions<T extends object> {
  /** Domain name used in events (`panel`, `notifications`). */
  section: string;
  /** The sub-API, resolved from the host on every read so a late provider is picked up. */
  api: () => SettingsApi<T> | undefined;
  schema: Schema<T>;
  /** Client-side checks: field path -> translated message. */
  validate?: (draft: T) => Record<string, string>;
  /** Called after a successful save with the stored data. */
  onSaved?: (data: T) => void;
  /**
   * Reads what `get` returns beside `data` and `version` (the profile's `policy`). Throwing
   * (for example an `invalid_response` AdapterError) makes the load fail like a malformed response.
   */
  onLoad?: (response: Record<string, unknown>) => void;
}

export interface SettingsConflict<T> {
  server: T;
  version: string;
  /** Leaf paths where the user's edit and the server's data differ. */
  paths: string[];
}

/** A field that turns empty or filled in changes more than itself (required-for-payment lists). */
function blankChanged(before: unknown, after: unknown): boolean {
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  return blank(before) !== blank(after);
}

function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Load / edit / save for every settings-like element, with the no-data-loss rules of DESIGN.md:
 * edits survive failed saves, Save is off while pristine or in flight, a retry reuses the
 * idempotency key, a conflict keeps both versions for the user to choose, and while dirty the
 * page is guarded. Elements render from `phase`, `draft`, `fieldErrors` and `message`.
 */
export class SettingsController<T extends object> implements ReactiveController {
  /** Last data the server confirmed, and its version (ETag). */
  saved: T | undefined;
  version: string | undefined;
  /** What the form shows: the saved data plus the user's edits. */
  draft: T | undefined;
  fieldErrors: Record<string, string> = {};
  /** The last save's failure (the draft is kept), shown with a retry. */
  saveError: AdapterError | undefined;
  conflict: SettingsConflict<T> | undefined;
  /** A conflict arrived but its chunk could not be fetched: shown with a Retry that saves again. */
  conflictChunkFailed = false;
  saving = false;
  /** Text for the element's `aria-live` region. */
  announcement = '';

  readonly reauth: ReauthController;
  readonly #guard: DirtyGuardController;
  readonly #task: Task<[unknown], T | undefined>;
  readonly #versionedSchema;
  readonly #updatedSchema;
  #idempotency: { key: string; patch: string } | undefined;
  // Text typed into fields that parse (amounts, dates): shown as typed; reasons of those that do not.
  #texts = new Map<string, string>();
  #textErrors: Record<string, string> = {};
  #saveAbort: AbortController | undefined;
  #conflictChunk: typeof import('./settings-conflict.js') | undefined;

  /** @internal The conflict's code, loaded when a save meets one (tests replace it to fail). */
  static conflictLoader = (): Promise<typeof import('./settings-conflict.js')> => import('./settings-conflict.js');

  constructor(
    private readonly host: AcctElement,
    private readonly options: SettingsControllerOptions<T>,
  ) {
    host.addController(this);
    this.reauth = new ReauthController(host);
    this.#guard = new DirtyGuardController(host, options.section);
    this.#versionedSchema = versioned(options.schema);
    this.#updatedSchema = updated(options.schema);
    // Keyed on the adapter object, not the sub-API: an adapter may hand out a fresh sub-API object
    // on every access (a getter), which would re-run the load on every render (lit issue 3142).
    this.#task = new Task(host, {
      args: () => [host.resolvedAdapter] as [unknown],
      task: async (_args, { signal }) => {
        const api = options.api();
        if (!api) return undefined;
        const raw = await this.reauth.run(() => api.get({ signal }));
        const result = parseResponse(this.#versionedSchema, raw);
        options.onLoad?.(raw as unknown as Record<string, unknown>);
        this.#accept(result.data, result.version);
        return result.data;
      },
      onError: (e) => {
        if (!isAbortError(e)) this.host.emit('acct-error', { section: options.section, code: toAdapterError(e).code, operation: 'load' });
      },
    });
  }

  hostDisconnected(): void {
    this.#saveAbort?.abort();
  }

  get phase(): SettingsPhase {
    // No adapter yet (a provider still building one from api-base, or a host setting it after
    // mount): wait in the skeleton. An adapter without this sub-API is a lasting gap: say so.
    if (!this.host.resolvedAdapter) return 'loading';
    if (!this.options.api()) return 'missing';
    if (this.conflict) return 'conflict';
    if (this.saving) return 'saving';
    if (this.draft) return 'ready';
    if (this.#task.status === TaskStatus.ERROR) return 'error';
    return 'loading';
  }

  /** The load failure, translated, for the error state. */
  get loadErrorMessage(): string {
    return errorMessage(toAdapterError(this.#task.error));
  }

  get dirty(): boolean {
    if (Object.keys(this.#textErrors).length) return true;
    return !!this.draft && !!this.saved && !deepEqual(this.draft, this.saved);
  }

  /** Save is possible: loaded, edited, nothing in flight, no unresolved conflict. */
  get canSave(): boolean {
    return this.dirty && !this.saving && !this.conflict;
  }

  /** The error for a field, translated when it is a known reason code. */
  fieldError(path: string): string | undefined {
    const reason = this.fieldErrors[path];
    return reason === undefined ? undefined : fieldErrorMessage(reason);
  }

  get(path: string): unknown {
    return getPath(this.draft, path);
  }

  /** Records an edit; the value is kept exactly as given (never clamped or dropped). */
  set(path: string, value: unknown): void {
    if (!this.draft) return;
    this.draft = setPath(this.draft, path, value);
    if (this.fieldErrors[path]) {
      const { [path]: _gone, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
    this.announcement = '';
    this.#sync();
  }

  /** Shows a field's problem found when the user leaves it (on change), before any Save. */
  report(path: string, reason: string): void {
    this.fieldErrors = { ...this.fieldErrors, [path]: reason };
    this.host.requestUpdate();
  }

  /**
   * A keystroke in a text field that shows its own value (bound with lit's `live()`, so a later
   * render still corrects it): recorded like {@link set}, but the host renders again only when
   * something else on screen may follow from it: Save and Discard turning on or off, the field's
   * error going away, an announcement to clear, a conflict or save on screen, or what `shows`
   * reports (default: the field turned empty or filled in). Typing then costs no render at all.
   */
  input(path: string, value: unknown, shows: (before: unknown, after: unknown) => boolean = blankChanged): void {
    const draft = this.draft;
    if (!draft || this.phase !== 'ready' || this.fieldErrors[path] !== undefined || this.announcement || shows(getPath(draft, path), value)) {
      this.set(path, value);
      return;
    }
    const wasDirty = this.dirty;
    this.draft = setPath(draft, path, value);
    if (this.dirty !== wasDirty) this.#sync();
  }

  /**
   * Records what the user typed into a field whose value is parsed (an amount, a date). The text
   * is kept and shown as typed; a parsed value goes into the draft, a failure blocks saving and,
   * with `report` (on change or blur, not on every keystroke), shows its reason at the field.
   */
  setText(path: string, text: string, parsed: { ok: true; value: unknown } | { ok: false; reason: string }, report = false): void {
    this.#texts.set(path, text);
    const { [path]: _old, ...others } = this.#textErrors;
    this.#textErrors = parsed.ok ? others : { ...others, [path]: parsed.reason };
    if (parsed.ok) {
      this.set(path, parsed.value);
      return;
    }
    if (report) this.fieldErrors = { ...this.fieldErrors, [path]: parsed.reason };
    this.#sync();
  }

  /** The text typed into a parsed field, if the user has typed since the last load or save. */
  text(path: string): string | undefined {
    return this.#texts.get(path);
  }

  #clearTexts(): void {
    this.#texts.clear();
    this.#textErrors = {};
  }

  /** Loads again (the retry of the error state); edits in progress are kept. */
  reload(): void {
    void this.#task.run();
  }

  /** Drops the edits and shows the saved data. */
  discard(): void {
    if (this.saved) this.draft = structuredClone(this.saved);
    this.#clearTexts();
    this.fieldErrors = {};
    this.saveError = undefined;
    this.conflictChunkFailed = false;
    this.#sync();
  }

  /**
   * Validates, then sends the changed top-level keys with `ifMatch`. Returns true when saved.
   * Focus moves to the first invalid field on failure (the host renders controls named by path).
   */
  async save(): Promise<boolean> {
    const api = this.options.api();
    if (!api || !this.draft || !this.saved || !this.canSave) return false;
    const clientErrors = { ...(this.options.validate?.(this.draft) ?? {}), ...this.#textErrors };
    if (Object.keys(clientErrors).length) {
      this.fieldErrors = clientErrors;
      this.saveError = undefined;
      this.announcement = errorMessage({ code: 'validation' });
      this.#sync();
      await this.#focusFirstInvalid();
      return false;
    }
    const submitted = this.draft;
    const patch = diffPatch(this.saved, submitted);
    const patchKey = JSON.stringify(patch);
    // Same patch again (a retry after a failure) -> same key, so the server applies it once.
    if (this.#idempotency?.patch !== patchKey) this.#idempotency = { key: newIdempotencyKey(), patch: patchKey };
    const idempotencyKey = this.#idempotency.key;
    const ifMatch = this.version;
    this.saving = true;
    this.saveError = undefined;
    this.conflictChunkFailed = false;
    this.fieldErrors = {};
    this.announcement = msg('Saving…');
    this.#sync();
    this.#saveAbort = new AbortController();
    const { signal } = this.#saveAbort;
    try {
      const raw = await this.reauth.run(() => api.update(patch, { signal, ifMatch, idempotencyKey }));
      const result = parseResponse(this.#updatedSchema, raw);
      this.#idempotency = undefined;
      // Edits made while the save was in flight stay in the form.
      const later = changedPaths(submitted, this.draft);
      this.saved = result.data;
      this.version = result.version;
      this.draft = later.reduce<T>((d, p) => setPath(d, p, getPath(this.draft, p)), structuredClone(result.data));
      // Typed text of fields the user did not touch again during the save now shows the stored value.
      for (const path of [...this.#texts.keys()]) if (!later.includes(path)) this.#texts.delete(path);
      this.saving = false;
      this.announcement = result.ticket
        ? msg(str`Saved. Confirmation request ${result.ticket.id} was created.`)
        : msg('Saved.');
      this.#sync();
      this.host.emit('acct-saved', { section: this.options.section, data: result.data });
      if (result.ticket) this.host.emit('acct-ticket-created', { section: this.options.section, ticket: result.ticket });
      this.options.onSaved?.(result.data);
      return true;
    } catch (e) {
      this.saving = false;
      if (isAbortError(e) || e instanceof ReauthCancelled) {
        this.announcement = '';
        this.#sync();
        return false;
      }
      const error = toAdapterError(e);
      if (error.code === 'conflict') await this.#enterConflict(api, error);
      else {
        this.saveError = error;
        if (error.code === 'validation') this.fieldErrors = error.fieldErrors ?? {};
        this.announcement = errorMessage(error);
      }
      this.#sync();
      this.host.emit('acct-error', { section: this.options.section, code: error.code, operation: 'save' });
      if (error.code === 'validation') await this.#focusFirstInvalid();
      return false;
    }
  }

  /** Ends a conflict: keep the user's values (and save them over the new version), or take theirs. */
  async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
    const conflict = this.conflict;
    if (!conflict) return;
    this.conflict = undefined;
    this.saved = conflict.server;
    this.version = conflict.version;
    this.#idempotency = undefined;
    if (choice === 'theirs') {
      this.draft = structuredClone(conflict.server);
      this.#clearTexts();
      this.announcement = msg('The saved version is shown now.');
      this.#sync();
      return;
    }
    if (!this.dirty) {
      // The other change was the same as ours: nothing left to send.
      this.announcement = msg('Saved.');
      this.#sync();
      return;
    }
    this.#sync();
    await this.save();
  }

  async #enterConflict(api: SettingsApi<T>, error: AdapterError): Promise<void> {
    try {
      const load = SettingsController.conflictLoader();
      this.host.awaitChunk(load);
      this.#conflictChunk = await load;
      this.conflict = await this.#conflictChunk.readConflict(this.options.schema, this.#versionedSchema, api, error, this.saved, this.draft);
      this.announcement = errorMessage(error);
    } catch (e) {
      if (this.#conflictChunk) {
        this.saveError = toAdapterError(e);
        this.announcement = errorMessage(this.saveError);
      } else {
        // The chunk could not be fetched: the shared failure banner (an alert), whose Retry saves again.
        this.conflictChunkFailed = true;
        this.announcement = '';
      }
    }
  }

  /** The conflict's comparison and choice (its chunk is in whenever `conflict` is set). */
  renderConflict(describe: DescribeField): TemplateResult | typeof nothing {
    return this.conflict && this.#conflictChunk ? this.#conflictChunk.renderConflict(this, this.conflict, describe) : nothing;
  }

  #accept(data: T, version: string): void {
    const wasDirty = this.dirty;
    const edits = wasDirty && this.saved ? changedPaths(this.saved, this.draft) : [];
    this.saved = data;
    this.version = version;
    // A reload never throws away edits: they are re-applied on top of the fresh data.
    this.draft = edits.reduce<T>((d, p) => setPath(d, p, getPath(this.draft, p)), structuredClone(data));
    this.#sync();
  }

  #sync(): void {
    this.#guard.set(this.dirty);
    this.host.requestUpdate();
  }

  async #focusFirstInvalid(): Promise<void> {
    await this.host.updateComplete;
    const first = Object.keys(this.fieldErrors)[0];
    if (!first) return;
    const root = this.host.shadowRoot;
    const el = (root?.querySelector(`[name="${CSS.escape(first)}"]`) ?? this.host.querySelector(`[name="${CSS.escape(first)}"]`)) as HTMLElement | null;
    el?.focus();
  }
}
