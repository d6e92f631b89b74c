import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import { Load } from './load.js';
import { isAbortError, toAdapterError, type AdapterError, type SettingsApi, type SettingsSchemas } from '@acct/core';
import { parseLazy } from './chunk.js';
import type { AcctElement } from './acct-element.js';
import type { DescribeField } from './settings-conflict.js';
import { DirtyGuardController } from './dirty-guard.js';
import { ReauthController } from './reauth.js';
import { changedPaths, deepEqual, getPath, setPath } from './paths.js';
import { errorMessage, fieldMessage, loadFieldMessages } from '../i18n/messages.js';

export type SettingsPhase = 'missing' | 'loading' | 'error' | 'ready' | 'saving' | 'conflict';

export interface SettingsControllerOptions<T extends object> {
  /** Domain name used in events (`panel`, `notifications`). */
  section: string;
  /** The sub-API, resolved from the host on every read so a late provider is picked up. */
  api: () => SettingsApi<T> | undefined;
  /**
   * The element's `schemas.ts` (its `settings`: core's `settingsSchemas(...)` for the data), a
   * chunk, so zod is not in the entry, whose first paint (the skeleton) has no use for it (issue
   * 10): `lazyModule` (base/chunk.ts), which returns the module itself once it is in. The fetch runs
   * beside the first read (which waits for both), so on a real network the data's paint does not
   * wait for it; a failed fetch fails the read, whose Retry fetches again.
   */
  schemas: () => SchemasChunk<T> | Promise<SchemasChunk<T>>;
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

export interface SchemasChunk<T> {
  settings: SettingsSchemas<T>;
}

export interface SettingsConflict<T> {
  server: T;
  version: string;
}

/** A field that turns empty or filled in changes more than itself (required-for-payment lists). */
function blankChanged(before: unknown, after: unknown): boolean {
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  return blank(before) !== blank(after);
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
  /** @internal Paths the form asked `fieldError` for while rendering: the others have no place. */
  _shown: Set<string> | undefined;
  /** The last save's failure (the draft is kept), shown with a retry. */
  saveError: AdapterError | undefined;
  conflict: SettingsConflict<T> | undefined;
  /** A chunk a save needs (its own or a conflict's) could not be fetched: shown with a Retry that saves again. */
  chunkFailed = false;
  saving = false;
  /** Text for the element's `aria-live` region. */
  announcement = '';

  readonly reauth: ReauthController;
  readonly #guard: DirtyGuardController;
  readonly #task: Load<[unknown], T | undefined>;
  /** @internal The schemas, once in (always after a read succeeded); read by the save and conflict chunks. */
  _schemas: SettingsSchemas<T> | undefined;
  /** @internal */
  _idempotency: { key: string; patch: string } | undefined;
  // Text typed into fields that parse (amounts, dates): shown as typed; reasons of those that do not.
  /** @internal */
  _texts = new Map<string, string>();
  /** @internal */
  _textErrors: Record<string, string> = {};
  /** @internal */
  _saveAbort: AbortController | undefined;
  /** @internal */
  _conflictChunk: typeof import('./settings-conflict.js') | undefined;
  #saveChunk: Promise<typeof import('./settings-save.js')> | undefined;
  /** @internal The save's chunk, once a save ran. */
  _save: typeof import('./settings-save.js') | undefined;

  /** @internal The conflict's code, loaded when a save meets one (tests replace it to fail). */
  static conflictLoader = (): Promise<typeof import('./settings-conflict.js')> => import('./settings-conflict.js');
  /** @internal The save's code, fetched at the first edit (tests replace it to fail). */
  static saveLoader = (): Promise<typeof import('./settings-save.js')> => import('./settings-save.js');

  constructor(
    private readonly host: AcctElement,
    private readonly options: SettingsControllerOptions<T>,
  ) {
    host.addController(this);
    this.reauth = new ReauthController(host);
    this.#guard = new DirtyGuardController(host, options.section);
    // Keyed on the adapter object, not the sub-API: an adapter may hand out a fresh sub-API object
    // on every access (a getter), which would re-run the load on every render (lit issue 3142).
    this.#task = new Load(host, {
      args: () => [host.resolvedAdapter] as [unknown],
      task: async (_args, { signal }) => {
        const api = options.api();
        if (!api) return undefined;
        // What `get` returned, whole: `onLoad` reads what comes beside data and version.
        let raw: unknown;
        const read = this.reauth.run(() => api.get({ signal })).then((r) => (raw = r));
        const result = await parseLazy(read, options.schemas, (m) => (this._schemas = m.settings).versioned);
        options.onLoad?.(raw as Record<string, unknown>);
        this.#accept(result.data, result.version);
        return result.data;
      },
      onError: (e) => {
        if (!isAbortError(e)) this.host.emit('acct-error', { section: options.section, code: toAdapterError(e).code, operation: 'load' });
      },
    });
  }

  hostDisconnected(): void {
    this._saveAbort?.abort();
  }

  get phase(): SettingsPhase {
    // No adapter yet but one coming (see adapterPending): wait in the skeleton. No adapter at all,
    // or one without this sub-API, is a gap the host must close: say so.
    if (!this.host.resolvedAdapter && this.host.adapterPending) return 'loading';
    if (!this.options.api()) return 'missing';
    if (this.conflict) return 'conflict';
    if (this.saving) return 'saving';
    if (this.draft) return 'ready';
    if (this.#task.failed) return 'error';
    return 'loading';
  }

  /** The load failure, translated, for the error state. */
  get loadErrorMessage(): string {
    return errorMessage(toAdapterError(this.#task.error));
  }

  get dirty(): boolean {
    if (Object.keys(this._textErrors).length) return true;
    return !!this.draft && !!this.saved && !deepEqual(this.draft, this.saved);
  }

  /** Save is possible: loaded, edited, nothing in flight, no unresolved conflict. */
  get canSave(): boolean {
    return this.dirty && !this.saving && !this.conflict;
  }

  /** The error for a field, translated when it is a known reason code. */
  fieldError(path: string): string | undefined {
    this._shown?.add(path);
    const reason = this.fieldErrors[path];
    return reason === undefined ? undefined : fieldMessage(reason, this.host);
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
    this._sync();
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
    if (this.dirty !== wasDirty) this._sync();
  }

  /**
   * Records what the user typed into a field whose value is parsed (an amount, a date). The text
   * is kept and shown as typed; a parsed value goes into the draft, a failure blocks saving and,
   * with `report` (on change or blur, not on every keystroke), shows its reason at the field.
   */
  setText(path: string, text: string, parsed: { ok: true; value: unknown } | { ok: false; reason: string }, report = false): void {
    this._texts.set(path, text);
    const { [path]: _old, ...others } = this._textErrors;
    this._textErrors = parsed.ok ? others : { ...others, [path]: parsed.reason };
    if (parsed.ok) {
      this.set(path, parsed.value);
      return;
    }
    if (report) this.fieldErrors = { ...this.fieldErrors, [path]: parsed.reason };
    this._sync();
  }

  /** The text typed into a parsed field, if the user has typed since the last load or save. */
  text(path: string): string | undefined {
    return this._texts.get(path);
  }

  /** @internal */
  _clearTexts(): void {
    this._texts.clear();
    this._textErrors = {};
  }

  /** Loads again (the retry of the error state); edits in progress are kept. */
  reload(): void {
    void this.#task.run();
  }

  /** Drops the edits and shows the saved data; focus leaves the Discard button it turns off. */
  discard(): void {
    if (this.saved) this.draft = structuredClone(this.saved);
    this._clearTexts();
    this.fieldErrors = {};
    this.saveError = undefined;
    this.chunkFailed = false;
    this._sync();
    this._focusStart();
  }

  /**
   * @internal Once the host has rendered, focus goes to `first` (the conflict's text), else, when
   * the control that had it went away or turned off (a Retry, Save, Discard, a conflict's choice),
   * to the start of the content instead of the page. Its code is fetched then (ui/focus.ts).
   * A function as `first` places focus itself when it was lost (see focusAfterReload).
   */
  _focusStart(first?: string | (() => boolean | undefined)): void {
    import('../ui/focus.js').then((f) => f.focusAfterReload(this.host.renderRoot, this, first), () => {});
  }

  /**
   * Validates, then sends the changed top-level keys with `ifMatch`. Returns true when saved.
   * Focus moves to the first invalid field on failure (the host renders controls named by path).
   * The code runs after a user's action, so it is a chunk (base/settings-save.ts), fetched at the
   * first edit; one that cannot be fetched shows the shared failure banner, edits kept.
   */
  async save(): Promise<boolean> {
    const api = this.options.api();
    if (!api || !this.draft || !this.saved || !this.canSave) return false;
    const load = this.#loadSave();
    this.host.awaitChunk(load);
    let chunk;
    try {
      chunk = await load;
    } catch {
      this.chunkFailed = true;
      this.announcement = '';
      this._sync();
      return false;
    }
    this._save = chunk;
    return chunk.save(this, this.host, api, this.options);
  }

  #loadSave(): Promise<typeof import('./settings-save.js')> {
    // A failed fetch is forgotten, so the next edit or Retry fetches again.
    return (this.#saveChunk ??= SettingsController.saveLoader().catch((e: unknown) => {
      this.#saveChunk = undefined;
      throw e;
    }));
  }

  /** Ends a conflict: keep the user's values (and save them over the new version), or take theirs. */
  resolveConflict(choice: 'mine' | 'theirs'): Promise<void> | undefined {
    return this._conflictChunk?.resolveConflict(this, choice);
  }

  /** The conflict's comparison and choice (its chunk is in whenever `conflict` is set). */
  renderConflict(describe: DescribeField): TemplateResult | typeof nothing {
    return this._conflictChunk?.renderConflict(this, describe) ?? nothing;
  }

  #accept(data: T, version: string): void {
    const wasDirty = this.dirty;
    const edits = wasDirty && this.saved ? changedPaths(this.saved, this.draft) : [];
    this.saved = data;
    this.version = version;
    // A reload never throws away edits: they are re-applied on top of the fresh data.
    this.draft = edits.reduce<T>((d, p) => setPath(d, p, getPath(this.draft, p)), structuredClone(data));
    this._sync();
  }

  /** @internal */
  _sync(): void {
    const dirty = this.dirty;
    this.#guard.set(dirty);
    // The first edit fetches the save's code and the field errors' sentences, so they are in
    // before they are needed.
    if (dirty) {
      this.#loadSave().catch(() => undefined);
      loadFieldMessages().catch(() => undefined);
    }
    this.host.requestUpdate();
  }
}
