// What acct-api-keys runs only when the user acts: checking and creating a key, the dialog that
// shows its secret once, and revoking. Loaded on first use (issue 10), see LazyActions.
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { adoptOnce } from '../ui/adopt.js';
import { dialogStyles } from '../ui/dialog-styles.js';
import { CreatedApiKey, Empty, type ApiKey, type ApiKeysApi } from '@acct/core';
import { renderBanner } from '../ui/field.js';
import type { ConfirmController } from '../ui/confirm.js';
import { fieldErrorMessage } from '../i18n/field-messages.js';
import { NAME_MAX, type AcctApiKeys } from './acct-api-keys.js';
import { act } from '../base/resource-act.js';

export { ConfirmController } from '../ui/confirm.js';

export type KeyField = 'name' | 'expiresAt';
export type KeyInput = { name: string; expiresAt?: string };

/** `YYYY-MM-DD` from a date input -> the end of that day in the viewer's time zone, as ISO. */
export function expiryFromDate(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const t = new Date(`${value}T23:59:59`);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

/** The key to create, or the reason per field why not. */
export function validateKey(draft: { name: string; expiresAt: string }): { input?: KeyInput; errors: Partial<Record<KeyField, string>> } {
  const errors: Partial<Record<KeyField, string>> = {};
  const name = draft.name.trim();
  if (!name) errors.name = fieldErrorMessage('required');
  else if (name.length > NAME_MAX) errors.name = msg(str`Use at most ${NAME_MAX} characters.`);
  let expiresAt: string | undefined;
  if (draft.expiresAt) {
    expiresAt = expiryFromDate(draft.expiresAt);
    if (!expiresAt) errors.expiresAt = fieldErrorMessage('invalid');
    else if (Date.parse(expiresAt) <= Date.now()) errors.expiresAt = fieldErrorMessage('in_past');
  }
  return Object.keys(errors).length ? { errors } : { input: { name, ...(expiresAt ? { expiresAt } : {}) }, errors };
}

/**
 * The secret dialog and the actions of one acct-api-keys. The secret and its key's name live here
 * only while the dialog is open; not reactive state, so no property record or change log of lit
 * ever holds it, and it never reaches an event, a log or storage.
 */
export class ApiKeyActions {
  #secret: string | undefined;
  #secretName = '';
  #copyState: 'idle' | 'copied' | 'manual' = 'idle';

  constructor(private readonly host: AcctApiKeys) {
    adoptOnce(host.shadowRoot, dialogStyles);
  }

  /** Creates the key; on success emits `acct-saved` (without the secret) after `created()` and opens the dialog with the secret. */
  async create(api: ApiKeysApi, input: KeyInput, created: () => void): Promise<boolean> {
    const host = this.host;
    const done = await act(host.keys, 'create', JSON.stringify(input), (o) => api.create(input, o), CreatedApiKey, {
      success: msg(str`Key "${input.name}" was created.`),
    });
    const failure = host.keys.failure;
    if (!done && failure?.operation === 'create' && failure.error.code === 'conflict') {
      // The same idempotency key was already used: an earlier attempt whose answer was lost created
      // the key, and its one-time secret is not sent again. Say so (the list reloads), and let the
      // next Create be a new request.
      failure.message = () => msg('The key may have been created, but its secret cannot be shown again. Check the list of keys and revoke it if you are not sure.');
      host.keys.announcement = failure.message();
      host.keys._idempotency = undefined;
      host.requestUpdate();
    }
    if (!done) return false;
    const { key, secret } = done.value;
    created();
    host.emit('acct-saved', { section: 'apiKeys', data: key });
    this.#secret = secret;
    this.#secretName = key.name;
    this.#copyState = 'idle';
    host.requestUpdate();
    await host.updateComplete;
    this.#dialog?.showModal();
    this.#field?.select();
    return true;
  }

  async revoke(api: ApiKeysApi, confirm: ConfirmController, key: ApiKey): Promise<void> {
    const host = this.host;
    const ok = await confirm.ask({
      heading: msg(str`Revoke the key "${key.name}"?`),
      body: msg(str`Programs that use the key "${key.name}" (${key.prefix}…) will stop working at once. This cannot be undone.`),
      confirmLabel: msg('Revoke key'),
      danger: true,
    });
    if (!ok) return;
    const done = await act(host.keys, 'revoke', key.id, (o) => api.revoke(key.id, o), Empty, { success: msg(str`Key "${key.name}" was revoked.`) });
    if (done) host.emit('acct-saved', { section: 'apiKeys', data: { id: key.id } });
    await host.updateComplete;
    if (done) host.renderRoot.querySelector<HTMLElement>('#keys')?.focus();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('#secret-dialog');
  }

  get #field(): HTMLInputElement | null {
    return this.host.renderRoot.querySelector<HTMLInputElement>('#secret');
  }

  #setCopyState(state: 'idle' | 'copied' | 'manual'): void {
    this.#copyState = state;
    this.host.requestUpdate();
  }

  #copy = async (): Promise<void> => {
    const secret = this.#secret;
    const field = this.#field;
    if (!secret) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      this.#setCopyState('copied');
    } catch {
      // No clipboard access (insecure page, permission denied): select it for the user to copy.
      field?.focus();
      field?.select();
      this.#setCopyState('manual');
    }
  };

  // Escape, the Done button and a programmatic close all end here.
  #closed = (): void => {
    this.#secret = undefined;
    this.#secretName = '';
    const field = this.#field;
    if (field) field.value = '';
    this.#setCopyState('idle');
    this.host.renderRoot.querySelector<HTMLElement>('[name=name]')?.focus();
  };

  render(): TemplateResult {
    const secret = this.#secret ?? '';
    return html`<dialog id="secret-dialog" part="dialog" aria-labelledby="secret-heading" aria-describedby="secret-warning" @close=${this.#closed}>
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
          ${this.#copyState === 'copied'
            ? msg('Copied to the clipboard.')
            : this.#copyState === 'manual'
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
}
