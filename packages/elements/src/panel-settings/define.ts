import { AcctPanelSettings } from './acct-panel-settings.js';

AcctPanelSettings.define('acct-panel-settings');

declare global {
  interface HTMLElementTagNameMap {
    'acct-panel-settings': AcctPanelSettings;
  }
}

export { AcctPanelSettings };
