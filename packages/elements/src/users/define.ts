import { AcctUsers } from './acct-users.js';

AcctUsers.define('acct-users');

declare global {
  interface HTMLElementTagNameMap {
    'acct-users': AcctUsers;
  }
}

export { AcctUsers };
