import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Load } from '../base/load.js';
import { currencyName, isAbortError, toAdapterError, type BillingSettings } from '@acct/core';
import { lazyModule, parseLazy } from '../base/chunk.js';
import { AcctElement } from '../base/acct-element.js';
import { SettingsController } from '../base/settings-controller.js';
import { renderBanner, renderCheckboxField, renderFormActions, renderSection, renderSelectField } from '../ui/field.js';
import { renderSettingsView } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { errorMessage } from '../i18n/messages.js';
import messages from '../i18n/generated/parts/billing-settings.js';

const schemas = lazyModule(() => import('./schemas.js'));

/**
 * Billing preferences: automatic renewal of services, the site currency (prices, invoices and
 * transactions) and payment without signing in again.
 *
 * @tagname acct-billing-settings
 * @summary Auto-renewal, site currency and payment without re-login.
 * @fires acct-saved - After the preferences were stored; detail `{ section: 'billing', data }`.
 * @fires acct-error - When loading, saving or loading the currency list failed; detail `{ section: 'billing', code, operation }`
 *   (`load`, `save`, `currencies`).
 * @fires acct-dirty-change - When unsaved edits appear or disappear.
 * @csspart section - The card around the preferences.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The Save button.
 * @csspart banner - Status, warning and error messages.
 * @cssprop --acct-section-gap - Space between the blocks of the section.
 */
export class AcctBillingSettings extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles];

  readonly settings = new SettingsController<BillingSettings>(this, {
    section: 'billing',
    api: () => this.api('billing'),
    schemas,
    // The saved currency stays valid when the host no longer offers it (the server keeps it too),
    // so saving the other preferences never fails on it.
    validate: (d): Record<string, string> => (this.#offered(d.currency) ? {} : { currency: 'unsupported' }),
  });

  /** The currencies the host offers; the form works without them (current currency only). */
  readonly #currencies = new Load(this, {
    args: () => [this.resolvedAdapter] as const,
    task: async ([adapter], { signal }) =>
      adapter?.billing ? parseLazy(adapter.billing.currencies({ signal }), schemas, (m) => m.Currencies) : undefined,
    onError: (e) => {
      if (!isAbortError(e)) this.emit('acct-error', { section: 'billing', code: toAdapterError(e).code, operation: 'currencies' });
    },
  });

  /** The list allows it (or has not loaded), or it is the account's saved currency. */
  #offered(code: string): boolean {
    return !this.#currencies.value || this.#currencies.value.includes(code) || code === this.settings.saved?.currency;
  }

  #currencyOptions(current: string): { value: string; label: string }[] {
    const codes = [...new Set([...(this.#currencies.value ?? []), this.settings.saved?.currency ?? current, current])];
    return codes.map((code) => {
      const label = `${code} — ${currencyName(code, this.activeLocale)}`;
      // Kept for this account, not offered for a new choice.
      return { value: code, label: this.#currencies.value?.includes(code) === false ? msg(str`${label} (current)`) : label };
    });
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.settings.save();
  }

  #renderForm(d: BillingSettings): TemplateResult {
    const s = this.settings;
    const currenciesFailed = this.#currencies.error !== undefined;
    return html`<form @submit=${this.#submit} novalidate>
      ${renderSection({
        heading: msg('Billing'),
        headingId: 'billing-heading',
        body: html`
          ${renderCheckboxField({
            id: 'auto-renew',
            name: 'autoRenew',
            label: msg('Renew services automatically'),
            checked: d.autoRenew,
            hint: d.autoRenew
              ? msg('On: services are renewed automatically when the balance is sufficient.')
              : msg('Off: services must be renewed manually before they expire.'),
            onChange: (v) => s.set('autoRenew', v),
          })}
          ${renderSelectField({
            id: 'currency',
            name: 'currency',
            label: msg('Site currency'),
            value: d.currency,
            options: this.#currencyOptions(d.currency),
            hint: msg('Prices are shown in this currency, and invoices and transactions use it.'),
            error: s.fieldError('currency'),
            onChange: (v) => s.set('currency', v),
          })}
          ${currenciesFailed
            ? renderBanner(
                'warning',
                html`${msg('The list of currencies could not be loaded.')} ${errorMessage(toAdapterError(this.#currencies.error))}`,
                html`<button type="button" part="button" @click=${() => this.#currencies.run()}>${msg('Retry')}</button>`,
              )
            : nothing}
          ${renderCheckboxField({
            id: 'payment-without-auth',
            name: 'paymentWithoutAuth',
            label: msg('Allow payment without signing in'),
            checked: d.paymentWithoutAuth,
            hint: msg('Invoices can be paid from the link in their email without signing in to the panel again.'),
            onChange: (v) => s.set('paymentWithoutAuth', v),
          })}
          ${renderFormActions({ canSave: s.canSave, dirty: s.dirty, saving: s.saving, onDiscard: () => s.discard() })}
        `,
      })}
    </form>`;
  }

  #describe(path: string, value: unknown): { label: string; value: string } {
    const onOff = value ? msg('On') : msg('Off');
    switch (path) {
      case 'autoRenew':
        return { label: msg('Renew services automatically'), value: onOff };
      case 'paymentWithoutAuth':
        return { label: msg('Allow payment without signing in'), value: onOff };
      case 'currency':
        return { label: msg('Site currency'), value: `${String(value)} — ${currencyName(String(value), this.activeLocale)}` };
      default:
        return { label: path, value: String(value) };
    }
  }

  override render() {
    return renderSettingsView(this.settings, {
      apiName: 'billing',
      form: (d) => this.#renderForm(d),
      describe: (path, value) => this.#describe(path, value),
    });
  }
}
