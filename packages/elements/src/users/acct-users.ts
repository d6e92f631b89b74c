import { html, nothing, type TemplateResult } from 'lit';
import { state } from '../base/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { AccountUserList, parseResponse, type AccountUser, type Role, type UsersApi, type Viewer } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { LazyActions } from '../base/lazy-actions.js';
import { readWithViewer, ResourceController } from '../base/resource-controller.js';
import type { ConfirmController } from '../ui/confirm.js';
import { fieldIds, renderBanner, renderField, renderSection } from '../ui/field.js';
import { renderFailure, renderResource } from '../ui/resource-view.js';
import { renderLive } from '../ui/settings-view.js';
import { listStyles } from '../ui/list-styles.js';
import { uiStyles } from '../ui/styles.js';
import { badgeStyles } from '../ui/badge-styles.js';
import { tableStyles } from '../ui/table-styles.js';
import messages from '../i18n/generated/parts/users.js';

/** Roles that can be given; ownership is never handed out here. */
const ASSIGNABLE: readonly Role[] = ['admin', 'user'];

interface UsersData {
  users: AccountUser[];
  viewer: Viewer | undefined;
}

export function roleLabel(role: Role): string {
  switch (role) {
    case 'owner':
      return msg('Owner');
    case 'admin':
      return msg('Administrator');
    default:
      return msg('User');
  }
}

/** `Name (email)`, or the email alone. */
export function who(u: AccountUser): string {
  return u.name ? `${u.name} (${u.email})` : u.email;
}

/**
 * Whether `user` is the signed-in viewer: the adapter's `current` flag, else a username that
 * matches the user's id, email or name, else (there is one owner) the owner row for an owner.
 */
export function isViewer(user: AccountUser, viewer: Viewer | undefined): boolean {
  if (user.current !== undefined) return user.current;
  if (!viewer) return false;
  const name = viewer.username.trim().toLowerCase();
  if ([user.id, user.email, user.name].some((v) => v?.trim().toLowerCase() === name)) return true;
  return viewer.role === 'owner' && user.role === 'owner';
}

/**
 * The users of the account with role and status; invite by email with a role, change a role,
 * remove after a confirmation. Only the owner and administrators manage users; nobody removes the
 * owner or themselves, and the element says why where an action is not offered.
 *
 * @tagname acct-users
 * @summary Account users: invite with a role, change roles, remove.
 * @fires acct-saved - After an invitation (`data` is the user), a role change or a removal (`data: { id }`).
 * @fires acct-error - When loading or an action failed; detail `{ section: 'users', code, operation }`.
 * @csspart section - The card around the users.
 * @csspart table - The users table.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The Invite button.
 * @csspart button-danger - The confirm button of the remove dialog.
 * @csspart banner - Status, warning and error messages.
 * @csspart dialog - The confirmation and re-authentication dialogs.
 * @cssprop --acct-section-gap - Space between the blocks of the section.
 */
export class AcctUsers extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, badgeStyles, tableStyles, listStyles];

  readonly users: ResourceController<UsersData, UsersApi> = new ResourceController(this, {
    section: 'users',
    api: () => this.api('users'),
    load: async (api, signal): Promise<UsersData> => {
      const [users, viewer] = await readWithViewer(this.resolvedAdapter, api.list({ signal }), signal);
      return { users: parseResponse(AccountUserList, users), viewer };
    },
  });

  /**
   * @internal Test-only: how the chunk with inviting, changing roles and removing is fetched;
   * tests replace it to simulate a failed load.
   */
  static actionsLoader = (): Promise<typeof import('./actions.js')> => import('./actions.js');

  // Created with the actions chunk: its code comes with them, not with the first paint.
  #confirm: ConfirmController | undefined;
  readonly #actions = new LazyActions(this, () => AcctUsers.actionsLoader());
  @state() private draft: { email: string; role: Role } = { email: '', role: 'user' };
  @state() private emailError: string | undefined;
  /** Role chosen in a row's select but not applied yet, per user id. */
  @state() private roleChoice: Record<string, Role> = {};

  /** Why the viewer cannot act on this row, or undefined when they can. */
  #rowReason(u: AccountUser, viewer: Viewer | undefined): string | undefined {
    if (u.role === 'owner') return msg('The owner cannot be removed and keeps the owner role.');
    if (isViewer(u, viewer)) return msg('You cannot remove yourself or change your own role.');
    return undefined;
  }

  async #invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const api = this.api('users');
    if (!api) return;
    await this.#actions.run('invite', async (chunk) => {
      const email = this.draft.email.trim();
      this.emailError = chunk.inviteEmailError(email);
      if (this.emailError) {
        this.users.clearFailure('invite');
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[name=email]')?.focus();
        return;
      }
      if (await chunk.inviteUser(this, api, { email, role: this.draft.role })) this.draft = { email: '', role: 'user' };
    });
  }

  async #changeRole(u: AccountUser): Promise<void> {
    const api = this.api('users');
    const role = this.roleChoice[u.id];
    if (!api || !role || role === u.role) return;
    await this.#actions.run(`updateRole:${u.id}`, async (chunk) => {
      if (!(await chunk.changeRole(this, api, u, role))) return;
      const { [u.id]: _applied, ...rest } = this.roleChoice;
      this.roleChoice = rest;
    });
  }

  async #remove(u: AccountUser): Promise<void> {
    const api = this.api('users');
    if (!api || this.users.pending) return;
    await this.#actions.run(`remove:${u.id}`, (chunk) => chunk.removeUser(this, api, (this.#confirm ??= new chunk.ConfirmController(this)), u));
  }

  #renderActions(u: AccountUser, viewer: Viewer | undefined): TemplateResult {
    const reason = this.#rowReason(u, viewer);
    if (reason) return html`<span class="reason">${reason}</span>`;
    const choice = this.roleChoice[u.id] ?? u.role;
    const busy = !!this.users.pending;
    const changing = this.#actions.loading(`updateRole:${u.id}`);
    const removing = this.#actions.loading(`remove:${u.id}`);
    const selectId = `role-${u.id}`;
    return html`<div class="row-actions">
      <label class="visually-hidden" for=${selectId}>${msg(str`Change role of ${who(u)}`)}</label>
      <select
        id=${selectId}
        name="role-${u.id}"
        part="input"
        @change=${(e: Event) => (this.roleChoice = { ...this.roleChoice, [u.id]: (e.target as HTMLSelectElement).value as Role })}
      >
        ${ASSIGNABLE.map((r) => html`<option value=${r} ?selected=${r === choice}>${roleLabel(r)}</option>`)}
      </select>
      <button
        type="button"
        part="button"
        aria-busy=${changing ? 'true' : 'false'}
        ?disabled=${busy || changing || choice === u.role}
        @click=${() => this.#changeRole(u)}
      >
        ${changing ? msg('Loading…') : msg('Change role')}
      </button>
      <button
        type="button"
        part="button"
        aria-label=${msg(str`Remove ${who(u)}`)}
        aria-busy=${removing ? 'true' : 'false'}
        ?disabled=${busy || removing}
        @click=${() => this.#remove(u)}
      >
        ${removing ? msg('Loading…') : msg('Remove')}
      </button>
    </div>`;
  }

  #renderTable({ users, viewer }: UsersData, manage: boolean): TemplateResult {
    return html`<table id="users" tabindex="-1" part="table" aria-labelledby="users-heading">
      <thead>
        <tr>
          <th scope="col">${msg('User')}</th>
          <th scope="col">${msg('Role')}</th>
          <th scope="col">${msg('Status')}</th>
          ${manage ? html`<th scope="col">${msg('Actions')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${users.map(
          (u) => html`<tr>
            <th scope="row">
              ${u.name ?? u.email} ${isViewer(u, viewer) ? html`<span class="badge">${msg('You')}</span>` : nothing}
              ${u.name ? html`<div class="muted">${u.email}</div>` : nothing}
            </th>
            <td>${roleLabel(u.role)}</td>
            <td>
              ${u.status === 'active'
                ? html`<span class="badge" data-tone="success">${msg('Active')}</span>`
                : html`<span class="badge" data-tone="warning">${msg('Invited')}</span>`}
            </td>
            ${manage ? html`<td>${this.#renderActions(u, viewer)}</td>` : nothing}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #renderInvite(): TemplateResult {
    const emailError = this.emailError ?? this.users.fieldError('invite', 'email');
    const roleError = this.users.fieldError('invite', 'role');
    const roleHint = msg('Administrators also manage users and keys; users work with services and billing.');
    const loading = this.#actions.loading('invite');
    const busy = this.users.pending === 'invite' || loading;
    return html`<form class="create" @submit=${this.#invite} novalidate aria-labelledby="invite-heading">
      <h3 id="invite-heading">${msg('Invite a user')}</h3>
      ${renderFailure(this.users, 'invite')}
      <div class="inline">
        ${renderField({
          id: 'invite-email',
          label: msg('Email'),
          error: emailError,
          control: html`<input
            id="invite-email"
            name="email"
            type="email"
            part="input"
            autocomplete="off"
            aria-invalid=${emailError ? 'true' : 'false'}
            aria-describedby=${ifDefined(fieldIds('invite-email', false, emailError))}
            .value=${this.draft.email}
            @input=${(e: Event) => {
              this.draft = { ...this.draft, email: (e.target as HTMLInputElement).value };
              this.emailError = undefined;
            }}
          />`,
        })}
        ${renderField({
          id: 'invite-role',
          label: msg('Role'),
          hint: roleHint,
          error: roleError,
          control: html`<select
            id="invite-role"
            name="role"
            part="input"
            aria-invalid=${roleError ? 'true' : 'false'}
            aria-describedby=${ifDefined(fieldIds('invite-role', true, roleError))}
            @change=${(e: Event) => (this.draft = { ...this.draft, role: (e.target as HTMLSelectElement).value as Role })}
          >
            ${ASSIGNABLE.map((r) => html`<option value=${r} ?selected=${r === this.draft.role}>${roleLabel(r)}</option>`)}
          </select>`,
        })}
      </div>
      ${this.#actions.renderFailure('invite')}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" aria-busy=${loading ? 'true' : 'false'} ?disabled=${busy}>
          ${loading ? msg('Loading…') : busy ? msg('Sending…') : msg('Send invitation')}
        </button>
      </div>
    </form>`;
  }

  #renderReady(data: UsersData): TemplateResult {
    const role = data.viewer?.role;
    const manage = role === 'owner' || role === 'admin';
    return html`${manage
        ? nothing
        : renderBanner(
            'info',
            role
              ? msg(str`Only the account owner or an administrator can invite, change or remove users. Your role: ${roleLabel(role)}.`)
              : msg('Users cannot be managed here: the account adapter does not say who is signed in (no "viewer" API).'),
          )}
      ${renderFailure(this.users, 'updateRole')} ${renderFailure(this.users, 'remove')} ${this.#actions.renderFailure('updateRole')}
      ${this.#actions.renderFailure('remove')} ${this.#renderTable(data, manage)}
      ${manage ? this.#renderInvite() : nothing}`;
  }

  override render(): TemplateResult {
    return html`${renderSection({
        heading: msg('Users'),
        headingId: 'users-heading',
        body: renderResource(this.users, 'users', (data) => this.#renderReady(data)),
      })}
      ${this.#confirm?.render() ?? nothing} ${this.users.reauth.render()} ${renderLive(this.users.announcement)}`;
  }
}
