import { html, nothing, type TemplateResult } from 'lit';
import { state } from '../base/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { ApiKeyList, formatDate, parseResponse, type ApiKey, type ApiKeysApi } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { LazyActions } from '../base/lazy-actions.js';
import { ResourceController } from '../base/resource-controller.js';
import type { ConfirmController } from '../ui/confirm.js';
import { fieldIds, renderField, renderSection } from '../ui/field.js';
import { renderFailure, renderResource } from '../ui/resource-view.js';
import { renderLive } from '../ui/settings-view.js';
import { listStyles } from '../ui/list-styles.js';
import { uiStyles } from '../ui/styles.js';
import { badgeStyles } from '../ui/badge-styles.js';
import { tableStyles } from '../ui/table-styles.js';
import { apiKeysStyles } from './acct-api-keys.styles.js';
import messages from '../i18n/generated/parts/api-keys.js';

/** Longest key name; the input takes twice as much so what is pasted is kept and marked. */
export const NAME_MAX = 64;

function localDate(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * API keys: the list (name, visible prefix, created, last used, expiry), creating a key with a
 * name and an optional expiry, and revoking one after a confirmation that names it. A new key's
 * secret is shown once, in a dialog with Copy; it is dropped when the dialog closes and never
 * reaches an event, a log or storage.
 *
 * @tagname acct-api-keys
 * @summary List, create (secret shown once) and revoke API keys.
 * @fires acct-saved - After a key was created (`data` is the key without its secret) or revoked (`data: { id }`).
 * @fires acct-error - When loading, creating or revoking failed; detail `{ section: 'apiKeys', code, operation }`.
 * @csspart section - The card around the keys.
 * @csspart table - The keys table.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The Create button.
 * @csspart button-danger - The confirm button of the revoke dialog.
 * @csspart banner - Status, warning and error messages.
 * @csspart dialog - The secret, confirmation and re-authentication dialogs.
 * @cssprop --acct-section-gap - Space between the blocks of the section.
 */
export class AcctApiKeys extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, badgeStyles, tableStyles, listStyles, apiKeysStyles];

  readonly keys: ResourceController<ApiKey[], ApiKeysApi> = new ResourceController(this, {
    section: 'apiKeys',
    api: () => this.api('apiKeys'),
    load: async (api, signal): Promise<ApiKey[]> => parseResponse(ApiKeyList, await api.list({ signal })),
  });

  /**
   * @internal Test-only: how the chunk with creating, the secret dialog and revoking is fetched;
   * tests replace it to simulate a failed load.
   */
  static actionsLoader = (): Promise<typeof import('./actions.js')> => import('./actions.js');

  // Created with the actions chunk: its code comes with them, not with the first paint.
  #confirm: ConfirmController | undefined;
  readonly #actions = new LazyActions(this, () => AcctApiKeys.actionsLoader());
  #keyActions: import('./actions.js').ApiKeyActions | undefined;
  @state() private draft = { name: '', expiresAt: '' };
  @state() private clientErrors: Record<string, string> = {};

  #fieldError(path: 'name' | 'expiresAt'): string | undefined {
    return this.clientErrors[path] ?? this.keys.fieldError('create', path);
  }

  #edit(path: 'name' | 'expiresAt', value: string): void {
    this.draft = { ...this.draft, [path]: value };
    if (this.clientErrors[path]) {
      const { [path]: _gone, ...rest } = this.clientErrors;
      this.clientErrors = rest;
    }
  }

  #actionsOf(chunk: typeof import('./actions.js')): import('./actions.js').ApiKeyActions {
    return (this.#keyActions ??= new chunk.ApiKeyActions(this));
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const api = this.api('apiKeys');
    if (!api) return;
    await this.#actions.run('create', async (chunk) => {
      const { input, errors } = chunk.validateKey(this.draft);
      this.clientErrors = errors;
      if (!input) {
        this.keys.clearFailure('create');
        await this.#focusInvalid();
        return;
      }
      const created = await this.#actionsOf(chunk).create(api, input, () => (this.draft = { name: '', expiresAt: '' }));
      if (!created) await this.#focusInvalid();
    });
  }

  async #focusInvalid(): Promise<void> {
    await this.updateComplete;
    const first = (['name', 'expiresAt'] as const).find((p) => this.#fieldError(p));
    if (first) this.renderRoot.querySelector<HTMLElement>(`[name=${first}]`)?.focus();
  }

  async #revoke(key: ApiKey): Promise<void> {
    const api = this.api('apiKeys');
    if (!api || this.keys.pending) return;
    await this.#actions.run(`revoke:${key.id}`, (chunk) => this.#actionsOf(chunk).revoke(api, (this.#confirm ??= new chunk.ConfirmController(this)), key));
  }

  #date(iso: string | undefined, none: string): TemplateResult | string {
    return iso ? html`<time datetime=${iso}>${formatDate(iso, this.activeLocale)}</time>` : none;
  }

  #renderTable(keys: ApiKey[]): TemplateResult {
    if (!keys.length) return html`<p class="empty">${msg('No API keys yet. Create one below.')}</p>`;
    const now = Date.now();
    return html`<table id="keys" tabindex="-1" part="table" aria-labelledby="keys-heading">
      <thead>
        <tr>
          <th scope="col">${msg('Name')}</th>
          <th scope="col">${msg('Key')}</th>
          <th scope="col">${msg('Created')}</th>
          <th scope="col">${msg('Last used')}</th>
          <th scope="col">${msg('Expires')}</th>
          <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${keys.map(
          (k, _i, _all, loading = this.#actions.loading(`revoke:${k.id}`)) => html`<tr>
            <th scope="row">${k.name}</th>
            <td><code class="secret">${k.prefix}…</code></td>
            <td>${this.#date(k.createdAt, '')}</td>
            <td>${this.#date(k.lastUsedAt, msg('Never'))}</td>
            <td>
              ${this.#date(k.expiresAt, msg('Never'))}
              ${k.expiresAt && Date.parse(k.expiresAt) <= now ? html` <span class="badge" data-tone="warning">${msg('Expired')}</span>` : nothing}
            </td>
            <td>
              <button
                type="button"
                part="button"
                aria-label=${msg(str`Revoke key ${k.name}`)}
                aria-busy=${loading ? 'true' : 'false'}
                ?disabled=${!!this.keys.pending || loading}
                @click=${() => this.#revoke(k)}
              >
                ${loading ? msg('Loading…') : msg('Revoke')}
              </button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #renderCreate(): TemplateResult {
    const nameError = this.#fieldError('name');
    const expiryError = this.#fieldError('expiresAt');
    const expiryHint = msg('Optional. Without a date the key works until you revoke it.');
    const loading = this.#actions.loading('create');
    const busy = this.keys.pending === 'create' || loading;
    return html`<form class="create" @submit=${this.#create} novalidate aria-labelledby="create-heading">
      <h3 id="create-heading">${msg('Create a key')}</h3>
      ${renderFailure(this.keys, 'create')}
      <div class="inline">
        ${renderField({
          id: 'key-name',
          label: msg('Name'),
          hint: msg('What uses it, e.g. "Terraform" or "Monitoring".'),
          error: nameError,
          control: html`<input
            id="key-name"
            name="name"
            part="input"
            autocomplete="off"
            maxlength=${NAME_MAX * 2}
            required
            aria-invalid=${nameError ? 'true' : 'false'}
            aria-describedby=${ifDefined(fieldIds('key-name', true, nameError))}
            .value=${this.draft.name}
            @input=${(e: Event) => this.#edit('name', (e.target as HTMLInputElement).value)}
          />`,
        })}
        ${renderField({
          id: 'key-expiry',
          label: msg('Expires on'),
          hint: expiryHint,
          error: expiryError,
          control: html`<input
            id="key-expiry"
            name="expiresAt"
            type="date"
            part="input"
            min=${localDate(1)}
            aria-invalid=${expiryError ? 'true' : 'false'}
            aria-describedby=${ifDefined(fieldIds('key-expiry', true, expiryError))}
            .value=${this.draft.expiresAt}
            @input=${(e: Event) => this.#edit('expiresAt', (e.target as HTMLInputElement).value)}
          />`,
        })}
      </div>
      ${this.#actions.renderFailure('create')}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" aria-busy=${loading ? 'true' : 'false'} ?disabled=${busy}>
          ${loading ? msg('Loading…') : busy ? msg('Creating…') : msg('Create key')}
        </button>
      </div>
    </form>`;
  }

  override render(): TemplateResult {
    return html`${renderSection({
        heading: msg('API keys'),
        headingId: 'keys-heading',
        body: renderResource(
          this.keys,
          'apiKeys',
          (keys) => html`<p class="muted">${msg('Keys let programs use the API on behalf of this account. Anyone with a key can act as you: keep keys secret.')}</p>
            ${renderFailure(this.keys, 'revoke')} ${this.#actions.renderFailure('revoke')} ${this.#renderTable(keys)} ${this.#renderCreate()}`,
        ),
      })}
      ${this.#keyActions?.render() ?? nothing} ${this.#confirm?.render() ?? nothing} ${this.keys.reauth.render()} ${renderLive(this.keys.announcement)}`;
  }
}
