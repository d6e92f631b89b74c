import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { parseResponse, type AdapterError, type Schema, type SettingsApi } from '@acct/core';
import { changedPaths, getPath } from './paths.js';
import type { SettingsConflict, SettingsController } from './settings-controller.js';
import { errorMessage } from '../i18n/messages.js';
import { renderBanner } from '../ui/field.js';

/** The comparison is a table: adopted by the element when the conflict arrives. */
export { tableStyles as conflictStyles } from '../ui/table-styles.js';

// What only a save conflict needs (issue 10): the server's version and the comparison with its
// choice, fetched when a conflict arrives (the network works then), not on first paint.

/** A field's label and its value as text, for the comparison. */
export type DescribeField = (path: string, value: unknown) => { label: string; value: string };

/** The server's current data (carried by the error, else read again) and the rows to compare. */
export async function readConflict<T extends object>(
  schema: Schema<T>,
  versionedSchema: Schema<{ data: T; version: string }>,
  api: SettingsApi<T>,
  error: AdapterError,
  saved: T | undefined,
  draft: T | undefined,
): Promise<SettingsConflict<T>> {
  let server: { data: T; version: string } | undefined;
  const carried = error.current;
  if (carried?.version !== undefined) {
    const parsed = schema.safeParse(carried.data);
    if (parsed.success) server = { data: parsed.data, version: carried.version };
  }
  // An adapter that reports the conflict without the current data: read it.
  server ??= parseResponse(versionedSchema, await api.get());
  // Rows: what the user edited and what changed elsewhere since it was loaded.
  const paths = new Set([...changedPaths(saved, draft), ...changedPaths(saved, server.data)]);
  return { server: server.data, version: server.version, paths: [...paths] };
}

/** Both versions of each differing field, and the choice of which to keep. */
export function renderConflict<T extends object>(ctrl: SettingsController<T>, conflict: SettingsConflict<T>, describe: DescribeField): TemplateResult {
  return renderBanner(
    'warning',
    html`<p>${errorMessage({ code: 'conflict' })} ${msg('Choose which version to keep.')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Setting')}</th>
            <th scope="col">${msg('Your version')}</th>
            <th scope="col">${msg('Saved elsewhere')}</th>
          </tr>
        </thead>
        <tbody>
          ${conflict.paths.map((path) => {
            const mine = describe(path, getPath(ctrl.draft, path));
            const theirs = describe(path, getPath(conflict.server, path));
            return html`<tr>
              <th scope="row">${mine.label}</th>
              <td>${mine.value}</td>
              <td>${theirs.value}</td>
            </tr>`;
          })}
        </tbody>
      </table>`,
    html`<button class="primary" part="button button-primary" @click=${() => ctrl.resolveConflict('mine')}>
        ${msg('Keep my version')}
      </button>
      <button part="button" @click=${() => ctrl.resolveConflict('theirs')}>${msg('Use the saved version')}</button>`,
  );
}

/** SettingsController.resolveConflict(): keep the user's values (saved over the new version), or take theirs. */
export async function resolveConflict<T extends object>(c: SettingsController<T>, choice: 'mine' | 'theirs'): Promise<void> {
  const conflict = c.conflict;
  if (!conflict) return;
  c.conflict = undefined;
  c.saved = conflict.server;
  c.version = conflict.version;
  c._idempotency = undefined;
  if (choice === 'theirs') {
    c.draft = structuredClone(conflict.server);
    c._clearTexts();
    c.announcement = msg('The saved version is shown now.');
    c._sync();
    return;
  }
  if (!c.dirty) {
    // The other change was the same as ours: nothing left to send.
    c.announcement = msg('Saved.');
    c._sync();
    return;
  }
  c._sync();
  await c.save();
}
