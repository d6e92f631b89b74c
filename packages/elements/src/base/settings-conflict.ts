import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { parseResponse, type AdapterError, type SettingsApi, type SettingsSchemas } from '@acct/core';
import { changedPaths, getPath } from './paths.js';
// Always in before a conflict: a conflict is the answer to a save.
import { withPaths } from './settings-save.js';
import type { SettingsConflict, SettingsController } from './settings-controller.js';
import { errorMessage } from '../i18n/messages.js';
import { renderBanner } from '../ui/field.js';

/** The comparison is a table: adopted by the element when the conflict arrives. */
export { tableStyles as conflictStyles } from '../ui/table-styles.js';

// What only a save conflict needs (issue 10): the server's version and the comparison with its
// choice, fetched when a conflict arrives (the network works then), not on first paint.

/** A field's label and its value as text, for the comparison. */
export type DescribeField = (path: string, value: unknown) => { label: string; value: string };

/** The server's current data: carried by the error, else read again. */
export async function readConflict<T extends object>(
  schemas: SettingsSchemas<T>,
  api: SettingsApi<T>,
  error: AdapterError,
): Promise<SettingsConflict<T>> {
  let server: { data: T; version: string } | undefined;
  const carried = error.current;
  if (carried?.version !== undefined) {
    const parsed = schemas.data.safeParse(carried.data);
    if (parsed.success) server = { data: parsed.data, version: carried.version };
  }
  // An adapter that reports the conflict without the current data: read it.
  server ??= parseResponse(schemas.versioned, await api.get());
  return { server: server.data, version: server.version };
}

/**
 * Both versions of each field the user edited (edits made meanwhile too), and the choice of which
 * to keep. The server's changes to other fields are not the user's to choose: both choices keep
 * them. The text takes focus when the conflict arrives (settings-save.ts).
 */
export function renderConflict<T extends object>(ctrl: SettingsController<T>, describe: DescribeField): TemplateResult | typeof nothing {
  const conflict = ctrl.conflict;
  if (!conflict) return nothing;
  return renderBanner(
    'warning',
    html`<p id="conflict" tabindex="-1">${errorMessage({ code: 'conflict' })} ${msg('Choose which version to keep.')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Setting')}</th>
            <th scope="col">${msg('Your version')}</th>
            <th scope="col">${msg('Saved elsewhere')}</th>
          </tr>
        </thead>
        <tbody>
          ${changedPaths(ctrl.saved, ctrl.draft).map((path) => {
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

/**
 * SettingsController.resolveConflict(): take theirs, or keep the user's edits, carried onto the
 * server's copy (not the whole stale copy, which would undo the other changes) and saved over its
 * version. The buttons go away with the conflict: focus goes to the start of the content.
 */
export async function resolveConflict<T extends object>(c: SettingsController<T>, choice: 'mine' | 'theirs'): Promise<void> {
  const conflict = c.conflict;
  if (!conflict) return;
  const edits = changedPaths(c.saved, c.draft);
  c.conflict = undefined;
  c.saved = conflict.server;
  c.version = conflict.version;
  c._idempotency = undefined;
  c._focusStart();
  if (choice === 'theirs') {
    c.draft = structuredClone(conflict.server);
    c._clearTexts();
    c.announcement = msg('The saved version is shown now.');
    c._sync();
    return;
  }
  c.draft = withPaths(conflict.server, c.draft, edits);
  // Typed amounts of fields not edited would hide the server's value; a typed text that does not
  // parse stays, with its reason.
  for (const path of [...c._texts.keys()]) if (!edits.includes(path) && !(path in c._textErrors)) c._texts.delete(path);
  if (!c.dirty) {
    // The other change was the same as ours: nothing left to send.
    c.announcement = msg('Saved.');
    c._sync();
    return;
  }
  c._sync();
  await c.save();
}
