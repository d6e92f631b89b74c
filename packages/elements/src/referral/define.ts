import { AcctReferral } from './acct-referral.js';

AcctReferral.define('acct-referral');

declare global {
  interface HTMLElementTagNameMap {
    'acct-referral': AcctReferral;
  }
}

export { AcctReferral };
