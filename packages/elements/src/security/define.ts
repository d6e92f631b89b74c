import { AcctSecurity } from './acct-security.js';

AcctSecurity.define('acct-security');

declare global {
  interface HTMLElementTagNameMap {
    'acct-security': AcctSecurity;
  }
}

export { AcctSecurity };
