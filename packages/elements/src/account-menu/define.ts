import { AcctAccountMenu } from './acct-account-menu.js';

AcctAccountMenu.define('acct-account-menu');

declare global {
  interface HTMLElementTagNameMap {
    'acct-account-menu': AcctAccountMenu;
  }
}

export { AcctAccountMenu };
