// Classes and helpers without registering any tag; import `@acct/elements/<name>` to define one.
export { AcctElement } from './base/acct-element.js';
export { acctContext, type AcctContextValue, type AcctLinks } from './base/context.js';
export type * from './base/events.js';
export { SettingsController, type SettingsPhase } from './base/settings-controller.js';
export { ResourceController, type ResourcePhase } from './base/resource-controller.js';
export { AcctProvider, type AcctBrand } from './provider/acct-provider.js';
export { AcctPanelSettings } from './panel-settings/acct-panel-settings.js';
export { AcctNotifications } from './notifications/acct-notifications.js';
export { AcctBillingSettings } from './billing-settings/acct-billing-settings.js';
export { AcctEmailChange } from './email-change/acct-email-change.js';
export { AcctPhoneVerification } from './phone-verification/acct-phone-verification.js';
export { AcctLoginHistory } from './login-history/acct-login-history.js';
export { AcctApiKeys } from './api-keys/acct-api-keys.js';
export { AcctUsers } from './users/acct-users.js';
export { AcctPrivacy } from './privacy/acct-privacy.js';
export { AcctProfile } from './profile/acct-profile.js';
export { AcctSecurity } from './security/acct-security.js';
export { AcctSettings } from './settings/acct-settings.js';
export { AcctOverview } from './overview/acct-overview.js';
export { AcctAccountMenu } from './account-menu/acct-account-menu.js';
export { AcctReferral } from './referral/acct-referral.js';
export {
  acctLocaleReady,
  addAcctLocale,
  configureAcctLocalization,
  getAcctLocale,
  loadAcctLocale,
  overrideAcctMessages,
  setAcctLocale,
  SUPPORTED_LOCALES,
  type AcctMessages,
} from './i18n/index.js';
