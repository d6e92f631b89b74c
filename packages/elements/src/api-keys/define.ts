import { AcctApiKeys } from './acct-api-keys.js';

AcctApiKeys.define('acct-api-keys');

declare global {
  interface HTMLElementTagNameMap {
    'acct-api-keys': AcctApiKeys;
  }
}

export { AcctApiKeys };
