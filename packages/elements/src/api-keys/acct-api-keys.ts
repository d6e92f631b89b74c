import { html, nothing, type TemplateResult } from 'lit';
import { state } from '../base/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { ApiKeyList, CreatedApiKey, formatDate, parseResponse, type ApiKey } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { ResourceController } from '../base/resource-controller.js';
import { ConfirmController } from '../ui/confirm.js';
import { fieldIds, renderBanner, renderField, renderSection } from '../ui/field.js';
import { renderFailure, renderResource } from '../ui/resource-view.js';
import { renderLive } from '../ui/settings-view.js';
import { listStyles } from '../ui/list-styles.js';
import { uiStyles } from '../ui/styles.js';
import { fieldErrorMessage } from '../i18n/messages.js';
import { apiKeysStyles } from './acct-api-keys.styles.js';
import messages from '../i18n/generated/parts/api-keys.js';

const NAME_MAX = 64;

/** `YYYY-MM-DD` from a date input -> the end of that day in the viewer's time zone, as ISO. */
export function expiryFromDate(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const t = new Date(`${value}T23:59:59`);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

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
  static override styles = [...AcctElement.styles, uiStyles, listStyles, apiKeysStyles];

  readonly keys = new ResourceController(this, {
    section: 'apiKeys',
    api: () => this.api('apiKeys'),
    load: async (api, signal): Promise<ApiKey[]> => parseResponse(ApiKeyList, await api.list({ signal })),
  });

  readonly #confirm = new ConfirmController(this);
  @state() private draft = { name: '', expiresAt: '' };
  @state() private clientErrors: Record<string, string> = {};
  @state() private copyState: 'idle' | 'copied' | 'manual' = 'idle';
  // The secret and its key's name live here only while the dialog is open; not reactive state,
  // so no property record or change log of lit ever holds it.
  #secret: string | undefined;
  #secretName = '';

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

  #validate(): { name: string; expiresAt?: string } | undefined {
    const errors: Record<string, string> = {};
    const name = this.draft.name.trim();
    if (!name) errors.name = fieldErrorMessage('required');
    else if (name.length > NAME_MAX) errors.name = msg(str`Use at most ${NAME_MAX} characters.`);
    let expiresAt: string | undefined;
    if (this.draft.expiresAt) {
      expiresAt = expiryFromDate(this.draft.expiresAt);
      if (!expiresAt) errors.expiresAt = fieldErrorMessage('invalid');
      else if (Date.parse(expiresAt) <= Date.now()) errors.expiresAt = fieldErrorMessage('in_past');
    }
    this.clientErrors = errors;
    return Object.keys(errors).length ? undefined : { name, ...(expiresAt ? { expiresAt } : {}) };
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const api = this.api('apiKeys');
    if (!api) return;
    const input = this.#validate();
    if (!input) {
      this.keys.clearFailure('create');
      await this.#focusInvalid();
      return;
    }
    const done = await this.keys.act('create', JSON.stringify(input), async (o) => parseResponse(CreatedApiKey, await api.create(input, o)), {
      success: msg(str`Key "${input.name}" was created.`),
    });
    if (!done) {
      await this.#focusInvalid();
      return;
    }
    const { key, secret } = done.value;
    this.draft = { name: '', expiresAt: '' };
    this.emit('acct-saved', { section: 'apiKeys', data: key });
    this.#secret = secret;
    this.#secretName = key.name;
    this.copyState = 'idle';
    await this.updateComplete;
    this.#secretDialog?.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#secret')?.select();
  }

  async #focusInvalid(): Promise<void> {
    await this.updateComplete;
    const first = (['name', 'expiresAt'] as const).find((p) => this.#fieldError(p));
    if (first) this.renderRoot.querySelector<HTMLElement>(`[name=${first}]`)?.focus();
  }

  get #secretDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('#secret-dialog');
  }

  async #copy(): Promise<void> {
    const secret = this.#secret;
    const field = this.renderRoot.querySelector<HTMLInputElement>('#secret');
    if (!secret) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      this.copyState = 'copied';
    } catch {
      // No clipboard access (insecure page, permission denied): select it for the user to copy.
      field?.focus();
      field?.select();
      this.copyState = 'manual';
    }
  }

  // Escape, the Done button and a programmatic close all end here.
  #secretClosed = (): void => {
    this.#secret = undefined;
    this.#secretName = '';
    const field = this.renderRoot.querySelector<HTMLInputElement>('#secret');
    if (field) field.value = '';
    this.copyState = 'idle';
    this.requestUpdate();
    this.renderRoot.querySelector<HTMLElement>('[name=name]')?.focus();
  };

  async #revoke(key: ApiKey): Promise<void> {
    const api = this.api('apiKeys');
    if (!api || this.keys.pending) return;
    const ok = await this.#confirm.ask({
      heading: msg(str`Revoke the key "${key.name}"?`),
      body: msg(str`Programs that use the key "${key.name}" (${key.prefix}…) will stop working at once. This cannot be undone.`),
      confirmLabel: msg('Revoke key'),
      danger: true,
    });
    if (!ok) return;
    const done = await this.keys.act('revoke', key.id, (o) => api.revoke(key.id, o), { success: msg(str`Key "${key.name}" was revoked.`) });
    if (done) this.emit('acct-saved', { section: 'apiKeys', data: { id: key.id } });
    await this.updateComplete;
    if (done) this.renderRoot.querySelector<HTMLElement>('#keys')?.focus();
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
          (k) => html`<tr>
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
                ?disabled=${!!this.keys.pending}
                @click=${() => this.#revoke(k)}
              >
                ${msg('Revoke')}
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
    const busy = this.keys.pending === 'create';
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
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${busy}>${busy ? msg('Creating…') : msg('Create key')}</button>
      </div>
    </form>`;
  }

  #renderSecretDialog(): TemplateResult {
    const secret = this.#secret ?? '';
    return html`<dialog id="secret-dialog" part="dialog" aria-labelledby="secret-heading" aria-describedby="secret-warning" @close=${this.#secretClosed}>
      <form method="dialog">
        <h2 id="secret-heading">${msg(str`Your new key "${this.#secretName}"`)}</h2>
        ${renderBanner(
          'warning',
          html`<span id="secret-warning">${msg('This is the only time the key is shown. Copy it now and keep it somewhere safe, such as a password manager. If you lose it, revoke it and create a new one.')}</span>`,
        )}
        <div class="field" part="field">
          <label for="secret" part="label">${msg('API key')}</label>
          <input id="secret" class="secret" part="input" readonly autocomplete="off" spellcheck="false" .value=${secret} />
        </div>
        <div class="copy-status" role="status">
          ${this.copyState === 'copied'
            ? msg('Copied to the clipboard.')
            : this.copyState === 'manual'
              ? msg('Copying is not available here. The key is selected: press Ctrl+C (⌘C on a Mac) to copy it.')
              : ''}
        </div>
        <div class="actions">
          <button type="button" class="primary" part="button button-primary" @click=${this.#copy}>${msg('Copy key')}</button>
          <button value="done" part="button">${msg('Done, I have stored it')}</button>
        </div>
      </form>
    </dialog>`;
  }

  override render() {
    return html`${renderSection({
        heading: msg('API keys'),
        headingId: 'keys-heading',
        body: renderResource(
          this.keys,
          'apiKeys',
          (keys) => html`<p class="muted">${msg('Keys let programs use the API on behalf of this account. Anyone with a key can act as you: keep keys secret.')}</p>
            ${renderFailure(this.keys, 'revoke')} ${this.#renderTable(keys)} ${this.#renderCreate()}`,
        ),
      })}
      ${this.#renderSecretDialog()} ${this.#confirm.render()} ${this.keys.reauth.render()} ${renderLive(this.keys.announcement)}`;
  }
}
