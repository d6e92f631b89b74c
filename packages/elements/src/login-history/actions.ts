// What acct-login-history runs only when the user acts: signing a session out and fetching the
// next page of logins. Loaded on first use (issue 10), see LazyActions.
import { msg, str } from '@lit/localize';
import { isAbortError, LoginPage, parseResponse, toAdapterError, type LoginHistoryApi, type Session, type SessionsApi } from '@acct/core';
import type { ConfirmController } from '../ui/confirm.js';
import { errorMessage } from '../i18n/messages.js';
import { describeUserAgent, type AcctLoginHistory } from './acct-login-history.js';

/** Signs `session` out after a confirmation. */
export async function signOut(host: AcctLoginHistory, api: SessionsApi, confirm: ConfirmController, session: Session): Promise<void> {
  const device = describeUserAgent(session.userAgent);
  const ok = await confirm.ask({
    heading: msg('Sign out this session?'),
    body: msg(str`${device} (${session.ip}) will be signed out and will have to sign in again.`),
    confirmLabel: msg('Sign out'),
    danger: true,
  });
  if (!ok) return;
  const done = await host.sessions.act('revoke', session.id, (o) => api.revoke(session.id, o), { success: msg(str`${device} was signed out.`) });
  if (done) host.emit('acct-saved', { section: 'sessions', data: { id: session.id } });
  await host.updateComplete;
  // The row (and its button) is gone: keep focus inside the widget.
  if (done) host.renderRoot.querySelector<HTMLElement>('#sessions')?.focus();
}

/**
 * Appends the page after `page` to the history and announces it; on failure announces and emits
 * the translated error and returns it. `aborted` when the element went away meanwhile.
 */
export async function loadMore(
  host: AcctLoginHistory,
  api: LoginHistoryApi,
  page: LoginPage & { nextCursor: string },
  limit: number,
  signal: AbortSignal,
): Promise<{ error?: string } | 'aborted'> {
  try {
    const next = parseResponse(LoginPage, await api.list({ cursor: page.nextCursor, limit }, { signal }));
    host.history.data = { items: [...page.items, ...next.items], ...(next.nextCursor ? { nextCursor: next.nextCursor } : {}) };
    host.history.announcement = msg(str`${next.items.length} more logins shown.`);
    return {};
  } catch (e) {
    if (isAbortError(e)) return 'aborted';
    const error = toAdapterError(e);
    const message = errorMessage(error);
    host.history.announcement = message;
    host.emit('acct-error', { section: 'loginHistory', code: error.code, operation: 'loadMore' });
    return { error: message };
  }
}
