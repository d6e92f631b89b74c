import { AcctLoginHistory } from './acct-login-history.js';

AcctLoginHistory.define('acct-login-history');

declare global {
  interface HTMLElementTagNameMap {
    'acct-login-history': AcctLoginHistory;
  }
}

export { AcctLoginHistory };
