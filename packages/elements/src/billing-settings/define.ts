import { AcctBillingSettings } from './acct-billing-settings.js';

AcctBillingSettings.define('acct-billing-settings');

declare global {
  interface HTMLElementTagNameMap {
    'acct-billing-settings': AcctBillingSettings;
  }
}

export { AcctBillingSettings };
