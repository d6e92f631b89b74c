import { AcctEmailChange } from './acct-email-change.js';

AcctEmailChange.define('acct-email-change');

declare global {
  interface HTMLElementTagNameMap {
    'acct-email-change': AcctEmailChange;
  }
}

export { AcctEmailChange };
