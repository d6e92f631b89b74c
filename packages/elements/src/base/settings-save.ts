import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isAbortError, newIdempotencyKey, parseResponse, toAdapterError, type AdapterError, type SettingsApi, type SettingsSchemas } from '@acct/core';
import type { AcctElement } from './acct-element.js';
import { ReauthCancelled } from './reauth.js';
import { changedPaths, deepEqual, getPath, setPath } from './paths.js';
import { SettingsController, type SettingsControllerOptions } from './settings-controller.js';
import { errorMessage } from '../i18n/messages.js';
import { adoptOnce } from '../ui/adopt.js';
import { renderBanner } from '../ui/field.js';
import type { DescribeField } from './settings-conflict.js';

// What only a save needs (issue 10): it runs after the user's edit and click, so it is fetched at
// the first edit instead of coming with the first paint. SettingsController.save() documents it.

/** The top-level keys of `draft` that differ from `saved`, as a patch. */
function diffPatch<T extends object>(saved: T, draft: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(draft) as (keyof T)[]) {
    if (!deepEqual(saved[key], draft[key])) patch[key] = draft[key];
  }
  return patch;
}

/**
 * A copy of `base` with the values `from` has at `paths`: edits carried over onto the server's
 * data (after a save, and the conflict chunk's "keep mine"; the first paint has its own in #accept).
 */
export function withPaths<T>(base: T, from: unknown, paths: string[]): T {
  return paths.reduce((d, p) => setPath(d, p, getPath(from, p)), structuredClone(base));
}

const CONTROLS = ':is(input, select, textarea)[name]';

async function focusFirstInvalid(c: { fieldErrors: Record<string, string> }, host: AcctElement): Promise<void> {
  await host.updateComplete;
  // The first in form order, not in the order the server listed them.
  const paths = new Set(Object.keys(c.fieldErrors));
  const fields = [...(host.shadowRoot?.querySelectorAll<HTMLElement>(CONTROLS) ?? []), ...host.querySelectorAll<HTMLElement>(CONTROLS)];
  fields.find((el) => paths.has(el.getAttribute('name') ?? ''))?.focus();
}

async function enterConflict<T extends object>(c: SettingsController<T>, host: AcctElement, api: SettingsApi<T>, schemas: SettingsSchemas<T>, error: AdapterError): Promise<void> {
  try {
    const load = SettingsController.conflictLoader();
    host.awaitChunk(load);
    c._conflictChunk = await load;
    adoptOnce(host.shadowRoot, c._conflictChunk.conflictStyles);
    c.conflict = await c._conflictChunk.readConflict(schemas, api, error);
    // Said once, by the conflict's text taking focus (Save turns off meanwhile), not also in the live region.
    c._focusStart('#conflict');
  } catch (e) {
    // The server's copy could not be read: the error banner (an alert), whose Retry saves again;
    // or the chunk could not be fetched: the shared failure banner (an alert) does the same.
    // Either is said once, by its alert, not again by the live region.
    if (c._conflictChunk) c.saveError = toAdapterError(e);
    else c.chunkFailed = true;
    c.announcement = '';
  }
}

/** SettingsController.save() once its code is in. */
export async function save<T extends object>(c: SettingsController<T>, host: AcctElement, api: SettingsApi<T>, options: SettingsControllerOptions<T>): Promise<boolean> {
  // The schemas came with the read that brought `saved`.
  const schemas = c._schemas;
  if (!c.draft || !c.saved || !schemas || !c.canSave) return false;
  const clientErrors = { ...(options.validate?.(c.draft) ?? {}), ...c._textErrors };
  if (Object.keys(clientErrors).length) {
    c.fieldErrors = clientErrors;
    c.saveError = undefined;
    c.chunkFailed = false;
    c.announcement = errorMessage({ code: 'validation' });
    c._sync();
    await focusFirstInvalid(c, host);
    return false;
  }
  const submitted = c.draft;
  const patch = diffPatch(c.saved, submitted);
  const patchKey = JSON.stringify(patch);
  // Same patch again (a retry after a failure) -> same key, so the server applies it once.
  if (c._idempotency?.patch !== patchKey) c._idempotency = { key: newIdempotencyKey(), patch: patchKey };
  const idempotencyKey = c._idempotency.key;
  const ifMatch = c.version;
  c.saving = true;
  c.saveError = undefined;
  c.chunkFailed = false;
  c.fieldErrors = {};
  c.announcement = msg('Saving…');
  c._sync();
  c._saveAbort = new AbortController();
  const { signal } = c._saveAbort;
  try {
    const raw = await c.reauth.run(() => api.update(patch, { signal, ifMatch, idempotencyKey }));
    const result = parseResponse(schemas.updated, raw);
    c._idempotency = undefined;
    // Edits made while the save was in flight stay in the form.
    const later = changedPaths(submitted, c.draft);
    c.saved = result.data;
    c.version = result.version;
    c.draft = withPaths(result.data, c.draft, later);
    // Typed text of fields the user did not touch again during the save now shows the stored value.
    for (const path of [...c._texts.keys()]) if (!later.includes(path)) c._texts.delete(path);
    c.saving = false;
    c.announcement = result.ticket ? msg(str`Saved. Confirmation request ${result.ticket.id} was created.`) : msg('Saved.');
    c._sync();
    // Save turned off under the user's focus.
    c._focusStart();
    host.emit('acct-saved', { section: options.section, data: result.data });
    if (result.ticket) host.emit('acct-ticket-created', { section: options.section, ticket: result.ticket });
    options.onSaved?.(result.data);
    return true;
  } catch (e) {
    c.saving = false;
    if (isAbortError(e) || e instanceof ReauthCancelled) {
      c.announcement = '';
      c._sync();
      return false;
    }
    const error = toAdapterError(e);
    // An error is said once: by its banner (an alert) or by the live region, not both. Only field
    // errors have no banner of their own.
    c.announcement = '';
    if (error.code === 'conflict') await enterConflict(c, host, api, schemas, error);
    else {
      c.saveError = error;
      if (error.code === 'validation') c.fieldErrors = error.fieldErrors ?? {};
      // Field errors are summed up here; any other failure (a validation naming no field too) is
      // said once, by its alert (ui/settings-view.ts), not by the live region as well.
      c.announcement = error.code === 'validation' && Object.keys(c.fieldErrors).length ? errorMessage(error) : '';
    }
    c._sync();
    host.emit('acct-error', { section: options.section, code: error.code, operation: 'save' });
    if (error.code === 'validation') await focusFirstInvalid(c, host);
    // Save (or the Retry of an earlier failure, now gone) turned busy and dropped focus: it goes to
    // the failure's Retry, beside the alert that says why. Focus the user moved stays.
    else if (error.code !== 'conflict') c._focusStart(() => focusRetry(host));
    return false;
  }
}

/** Puts focus on the Retry of the save's failure banner (an alert); false when there is none. */
function focusRetry(host: AcctElement): boolean {
  const retry = host.renderRoot.querySelector<HTMLElement>('[role=alert] button');
  retry?.focus();
  return !!retry;
}

/** A validation failure that names no field: there is no message next to any field to point at. */
function noFieldNamed(): string {
  return msg('The server did not accept these values and did not say which. Check them and try again.');
}

/** A path's label; a sub-path (`ipRules.1`) the element does not describe takes its field's. */
function fieldName(describe: DescribeField, path: string): string {
  const label = describe(path, undefined).label;
  const head = path.split('.')[0];
  return label === path && head !== path ? describe(head, undefined).label : label;
}

/**
 * After a failed save: the server's errors for paths the form shows nowhere (a sub-path, a field
 * the element does not render), listed with their fields' names instead of vanishing; or, when it
 * named no field at all, a sentence that says so.
 */
export function renderUnplaced<T extends object>(c: SettingsController<T>, describe: DescribeField, shown: Set<string>): TemplateResult | typeof nothing {
  if (!Object.keys(c.saveError?.fieldErrors ?? {}).length) return renderBanner('danger', noFieldNamed());
  const unplaced = Object.keys(c.fieldErrors).filter((p) => !shown.has(p));
  return unplaced.length ? renderBanner('danger', html`<ul>${unplaced.map((p) => html`<li>${fieldName(describe, p)}: ${c.fieldError(p)}</li>`)}</ul>`) : nothing;
}
