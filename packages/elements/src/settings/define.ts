import { AcctSettings } from './acct-settings.js';

AcctSettings.define('acct-settings');

declare global {
  interface HTMLElementTagNameMap {
    'acct-settings': AcctSettings;
  }
}

export { AcctSettings };
