// What acct-login-history runs only when the user acts: signing a session out, with its
// confirmation dialog. Loaded on first use (issue 10), see LazyActions. ("Show more" stays in the
// element: moved here it would cost the entry more than it saves.)
import { msg, str } from '@lit/localize';
import { Empty, type Session, type SessionsApi } from '@acct/core';
import type { ConfirmController } from '../ui/confirm.js';
import { describeUserAgent, type AcctLoginHistory } from './acct-login-history.js';
import { act } from '../base/resource-act.js';

export { ConfirmController } from '../ui/confirm.js';

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
  const done = await act(host.sessions, 'revoke', session.id, (o) => api.revoke(session.id, o), Empty, { success: msg(str`${device} was signed out.`) });
  if (done) host.emit('acct-saved', { section: 'sessions', data: { id: session.id } });
  await host.updateComplete;
  // The row (and its button) is gone: keep focus inside the widget.
  if (done) host.renderRoot.querySelector<HTMLElement>('#sessions')?.focus();
}
