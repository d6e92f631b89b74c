import { AcctPrivacy } from './acct-privacy.js';

AcctPrivacy.define('acct-privacy');

declare global {
  interface HTMLElementTagNameMap {
    'acct-privacy': AcctPrivacy;
  }
}

export { AcctPrivacy };
