// What acct-panel-settings runs only when the user asks to reset their user settings: the
// question, the call and its outcome. Loaded on first use (issue 10), see LazyActions.
import { msg } from '@lit/localize';
import { Empty, isAbortError, newIdempotencyKey, parseResponse, toAdapterError, type PanelApi } from '@acct/core';
import { ReauthCancelled } from '../base/reauth.js';
import type { ConfirmController } from '../ui/confirm.js';
import { errorMessage } from '../i18n/messages.js';
import type { AcctPanelSettings } from './acct-panel-settings.js';

export { ConfirmController } from '../ui/confirm.js';

/** Resets saved filters and order forms after a confirmation. */
export async function resetUserSettings(host: AcctPanelSettings, panel: PanelApi, confirm: ConfirmController): Promise<void> {
  const ok = await confirm.ask({
    heading: msg('Reset user settings?'),
    body: msg('Saved filters will be cleared and order forms will return to their original state. This cannot be undone.'),
    confirmLabel: msg('Reset'),
    danger: true,
  });
  if (!ok) return;
  host.resetState = 'busy';
  const idempotencyKey = newIdempotencyKey();
  try {
    parseResponse(Empty, await host.settings.reauth.run(() => panel.resetUserSettings({ idempotencyKey })));
    host.resetState = 'done';
    host.settings.announcement = msg('User settings were reset.');
    host.emit('acct-saved', { section: 'panel.userSettings' });
  } catch (e) {
    if (isAbortError(e) || e instanceof ReauthCancelled) {
      host.resetState = 'idle';
      return;
    }
    const error = toAdapterError(e);
    host.resetError = errorMessage(error);
    host.resetState = 'failed';
    // Said by the failure's alert; the live region would say it a second time.
    host.settings.announcement = '';
    host.emit('acct-error', { section: 'panel', code: error.code, operation: 'resetUserSettings' });
  }
}
