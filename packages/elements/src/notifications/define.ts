import { AcctNotifications } from './acct-notifications.js';

AcctNotifications.define('acct-notifications');

declare global {
  interface HTMLElementTagNameMap {
    'acct-notifications': AcctNotifications;
  }
}

export { AcctNotifications };
