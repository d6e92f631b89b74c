import { AcctPhoneVerification } from './acct-phone-verification.js';

AcctPhoneVerification.define('acct-phone-verification');

declare global {
  interface HTMLElementTagNameMap {
    'acct-phone-verification': AcctPhoneVerification;
  }
}

export { AcctPhoneVerification };
