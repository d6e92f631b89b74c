import { html, type TemplateResult } from 'lit';
import { property } from '../base/decorators.js';
import { msg, str } from '@lit/localize';
import { Load } from '../base/load.js';
import {
  formatMoney,
  formatMoneyInput,
  isAbortError,
  parseMoney,
  toAdapterError,
  validateEmail,
  type NotificationSettings,
} from '@acct/core';
import { lazyModule, parseLazy } from '../base/chunk.js';
import { AcctElement } from '../base/acct-element.js';
import { SettingsController } from '../base/settings-controller.js';
import { renderCheckboxField, renderFormActions, renderInputField, renderSection } from '../ui/field.js';
import { renderSettingsView } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { fieldsetStyles } from '../ui/fieldset-styles.js';
import { notificationsStyles } from './acct-notifications.styles.js';
import messages from '../i18n/generated/parts/notifications.js';

type EmailCategory = keyof NotificationSettings['emails'];
const CATEGORIES: EmailCategory[] = ['invoices', 'support', 'complaints'];
const schemas = lazyModule(() => import('./schemas.js'));

/**
 * Notification preferences: the newsletter, the low-balance alert with its threshold in the
 * account currency, and the addresses that receive invoices, support and complaint mail.
 *
 * @tagname acct-notifications
 * @summary Newsletter, low-balance alert and notification email addresses.
 * @fires acct-saved - After the preferences were stored; detail `{ section: 'notifications', data }`.
 * @fires acct-error - When loading, saving or the account's currency or email lookup failed; detail `{ section, code, operation }`.
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
export class AcctNotifications extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, fieldsetStyles, notificationsStyles];

  /**
   * Currency of the threshold (ISO 4217). By default the account currency from the adapter's
   * `billing` (or `balance`) sub-API.
   */
  @property() currency: string | undefined;

  readonly settings = new SettingsController<NotificationSettings>(this, {
    section: 'notifications',
    api: () => this.api('notifications'),
    schemas,
    validate: (d) => {
      const errors: Record<string, string> = {};
      for (const c of CATEGORIES) {
        const v = d.emails[c];
        if (v !== '' && !validateEmail(v).ok) errors[`emails.${c}`] = 'invalid_email';
      }
      return errors;
    },
  });

  /**
   * The account currency and email, for the threshold and the "sent to" hints. The form works
   * without them; a failed lookup is still reported (`acct-error`, operation `currency` or `email`).
   */
  readonly #account = new Load(this, {
    args: () => [this.resolvedAdapter] as const,
    task: async ([adapter], { signal }) => {
      const [currency, email] = await Promise.all([
        adapter?.billing
          ? parseLazy(adapter.billing.get({ signal }), schemas, (m) => m.billing).then((r) => r.data.currency)
          : adapter?.balance
            ? parseLazy(adapter.balance.get({ signal }), schemas, (m) => m.Balance).then((r) => r.currency)
            : undefined,
        adapter?.contacts ? parseLazy(adapter.contacts.emailStatus({ signal }), schemas, (m) => m.EmailStatus).then((r) => r.email) : undefined,
      ].map((p, i) =>
        Promise.resolve(p).catch((e: unknown): undefined => {
          if (!isAbortError(e)) this.emit('acct-error', { section: 'notifications', code: toAdapterError(e).code, operation: i ? 'email' : 'currency' });
        }),
      ));
      return { currency, email };
    },
  });

  constructor() {
    super();
    // A currency switched in <acct-billing-settings> on the same page changes what we show.
    this.addController({
      hostConnected: () => document.addEventListener('acct-saved', this.#onSaved),
      hostDisconnected: () => document.removeEventListener('acct-saved', this.#onSaved),
    });
  }

  #onSaved = (e: Event): void => {
    if ((e as CustomEvent<{ section: string }>).detail?.section === 'billing') void this.#account.run();
  };

  get #currency(): string | undefined {
    return this.currency ?? this.#account.value?.currency;
  }

  #thresholdText(value: number): string {
    const typed = this.settings.text('lowBalance.threshold');
    if (typed !== undefined) return typed;
    const currency = this.#currency;
    return currency ? formatMoneyInput(value, this.activeLocale, currency) : String(value);
  }

  #typeThreshold(text: string, report: boolean): void {
    // Without a known currency, two decimals (the common case) bound the precision.
    this.settings.setText('lowBalance.threshold', text, parseMoney(text, this.activeLocale, this.#currency ?? 'USD'), report);
  }

  #recipientHint(value: string): string {
    const account = this.#account.value?.email;
    if (value.trim() === '') return account ? msg(str`Empty: sent to the account email, ${account}.`) : msg('Empty: sent to the account email.');
    // Neither the typed address again nor its validity: a hint that changes while the user types
    // would shift the form under the cursor and re-render it per keystroke (issue 10: < 0.05 ms
    // per keystroke). A bad address is reported where errors go, on change and on Save.
    return msg('Sent to this address.');
  }

  #categoryLabel(category: EmailCategory): string {
    switch (category) {
      case 'invoices':
        return msg('Invoices and orders');
      case 'support':
        return msg('Support');
      default:
        return msg('Complaints');
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.settings.save();
  }

  #renderForm(d: NotificationSettings): TemplateResult {
    const s = this.settings;
    const currency = this.#currency;
    return html`<form @submit=${this.#submit} novalidate>
      ${renderSection({
        heading: msg('Notifications'),
        headingId: 'notifications-heading',
        body: html`
          ${renderCheckboxField({
            id: 'newsletter',
            name: 'newsletter',
            label: msg('Send me the newsletter'),
            hint: msg('News, service updates and offers, sent to the account email. You can unsubscribe at any time.'),
            checked: d.newsletter,
            onChange: (v) => s.set('newsletter', v),
          })}
          <fieldset part="field">
            <legend part="label">${msg('Low balance')}</legend>
            ${renderCheckboxField({
              id: 'low-balance-enabled',
              name: 'lowBalance.enabled',
              label: msg('Email me when the balance falls below the threshold'),
              checked: d.lowBalance.enabled,
              onChange: (v) => s.set('lowBalance.enabled', v),
            })}
            <div class="amount">
              ${renderInputField({
                id: 'low-balance-threshold',
                name: 'lowBalance.threshold',
                label: currency ? msg(str`Threshold, ${currency}`) : msg('Threshold'),
                value: this.#thresholdText(d.lowBalance.threshold),
                inputMode: 'decimal',
                autocomplete: 'off',
                hint: currency
                  ? msg(str`For example ${formatMoney(1500.5, currency, this.activeLocale)}.`)
                  : undefined,
                error: s.fieldError('lowBalance.threshold'),
                onInput: (v) => this.#typeThreshold(v, false),
                onChange: (v) => this.#typeThreshold(v, true),
              })}
            </div>
          </fieldset>
          <fieldset part="field">
            <legend part="label">${msg('Email addresses for notifications')}</legend>
            ${CATEGORIES.map((c) =>
              renderInputField({
                id: `emails-${c}`,
                name: `emails.${c}`,
                label: this.#categoryLabel(c),
                type: 'email',
                inputMode: 'email',
                autocomplete: 'email',
                value: d.emails[c],
                // The error, when there is one, says it all: no "sent to" beside it.
                hint: s.fieldError(`emails.${c}`) ? undefined : this.#recipientHint(d.emails[c]),
                error: s.fieldError(`emails.${c}`),
                // Renders when the hint changes: the field emptied or filled in (the default).
                onInput: (v) => s.input(`emails.${c}`, v),
                onChange: (v) => v !== '' && !validateEmail(v).ok && s.report(`emails.${c}`, 'invalid_email'),
              }),
            )}
          </fieldset>
          ${renderFormActions({ canSave: s.canSave, dirty: s.dirty, saving: s.saving, onDiscard: () => s.discard() })}
        `,
      })}
    </form>`;
  }

  #describe(path: string, value: unknown): { label: string; value: string } {
    const yesNo = (v: unknown) => (v ? msg('On') : msg('Off'));
    if (path === 'newsletter') return { label: msg('Send me the newsletter'), value: yesNo(value) };
    if (path === 'lowBalance.enabled') return { label: msg('Low balance'), value: yesNo(value) };
    if (path === 'lowBalance.threshold') {
      const currency = this.#currency;
      return { label: msg('Threshold'), value: currency ? formatMoney(Number(value), currency, this.activeLocale) : String(value) };
    }
    const [head, category] = path.split('.');
    if (head !== 'emails' || !category) return { label: path, value: String(value) };
    return { label: this.#categoryLabel(category as EmailCategory), value: String(value) || msg('The account email') };
  }

  override render() {
    return renderSettingsView(this.settings, {
      apiName: 'notifications',
      form: (d) => this.#renderForm(d),
      describe: (path, value) => this.#describe(path, value),
    });
  }
}
