// Classes and helpers without registering any tag; import `@acct/elements/<name>` to define one.
export { AcctElement } from './base/acct-element.js';
export { acctContext, type AcctContextValue, type AcctLinks } from './base/context.js';
export type * from './base/events.js';
export { SettingsController, type SettingsPhase } from './base/settings-controller.js';
export { AcctProvider, type AcctBrand } from './provider/acct-provider.js';
export { AcctPanelSettings } from './panel-settings/acct-panel-settings.js';
export { AcctSecurity } from './security/acct-security.js';
export {
  configureAcctLocalization,
  getAcctLocale,
  loadAcctLocale,
  setAcctLocale,
  SUPPORTED_LOCALES,
} from './i18n/index.js';
