import { AcctProvider } from './acct-provider.js';

AcctProvider.define('acct-provider');

declare global {
  interface HTMLElementTagNameMap {
    'acct-provider': AcctProvider;
  }
}

export { AcctProvider };
