// What acct-users runs only when the user acts: checking and sending an invitation, changing a
// role and removing a user. Loaded on first use (issue 10), see LazyActions.
import { msg, str } from '@lit/localize';
import { AccountUser, Empty, isEmail, MaybeAccountUser, type Role, type UsersApi } from '@acct/core';
import type { ConfirmController } from '../ui/confirm.js';
import { fieldErrorMessage } from '../i18n/field-messages.js';
import { roleLabel, who as whoOf, type AcctUsers } from './acct-users.js';
import { act } from '../base/resource-act.js';
import { focusedElement } from '../ui/focused.js';

export { ConfirmController } from '../ui/confirm.js';

async function focus(host: AcctUsers, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/**
 * After an action the pressed button was busy (disabled), which drops focus to <body>: it goes to
 * `selector`, else to the users table, unless the user has put it somewhere meanwhile.
 */
async function refocus(host: AcctUsers, selector: string): Promise<void> {
  await host.updateComplete;
  if (focusedElement()) return;
  (host.renderRoot.querySelector<HTMLElement>(selector) ?? host.renderRoot.querySelector<HTMLElement>('#users'))?.focus();
}

/** Why `email` cannot be invited, or undefined. */
export function inviteEmailError(email: string): string | undefined {
  return !email ? fieldErrorMessage('required') : isEmail(email) ? undefined : msg('Enter an email address like name@example.com.');
}

/** Sends the invitation; true once it was sent (and `acct-saved` emitted). */
export async function inviteUser(host: AcctUsers, api: UsersApi, input: { email: string; role: Role }): Promise<boolean> {
  const { email } = input;
  const done = await act(host.users, 'invite', JSON.stringify(input), (o) => api.invite(input, o), AccountUser, {
    success: msg(str`Invitation sent to ${email}.`),
  });
  if (!done) {
    if (host.users.fieldError('invite', 'email')) await focus(host, '[name=email]');
    else if (host.users.fieldError('invite', 'role')) await focus(host, '[name=role]');
    else await refocus(host, 'form.create button[type=submit]');
    return false;
  }
  host.emit('acct-saved', { section: 'users', data: done.value });
  // The form is emptied for the next invitation (the new user's row is in the list above).
  void refocus(host, '[name=email]');
  return true;
}

/** Gives `u` the role `role`; true once applied (and `acct-saved` emitted). */
export async function changeRole(host: AcctUsers, api: UsersApi, u: AccountUser, role: Role): Promise<boolean> {
  const done = await act(host.users, `updateRole`, `${u.id}:${role}`, (o) => api.updateRole(u.id, role, o), MaybeAccountUser, {
    success: msg(str`${whoOf(u)} is now: ${roleLabel(role)}.`),
  });
  if (done) host.emit('acct-saved', { section: 'users', data: { id: u.id, role } });
  // The row's role select: where the user chose the role, and Change role is disabled once applied.
  await refocus(host, `#${CSS.escape(`role-${u.id}`)}`);
  return !!done;
}

/** Removes `u` after a confirmation. */
export async function removeUser(host: AcctUsers, api: UsersApi, confirm: ConfirmController, u: AccountUser): Promise<void> {
  const who = whoOf(u);
  const ok = await confirm.ask({
    heading: msg(str`Remove ${who}?`),
    body: msg('They lose access to this account at once. You can invite them again later.'),
    confirmLabel: msg('Remove user'),
    danger: true,
  });
  if (!ok) return;
  const done = await act(host.users, 'remove', u.id, (o) => api.remove(u.id, o), Empty, { success: msg(str`${who} was removed.`) });
  if (done) {
    host.emit('acct-saved', { section: 'users', data: { id: u.id } });
    await focus(host, '#users');
  }
}
