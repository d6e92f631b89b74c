// The one-file bundle (dist/acct-widgets.js): defines every tag and exposes what a host needs to
// write an adapter and drive the locale.
// Before the provider is defined, so every provider gets api-base support at construction.
import './provider/api-base.js';
import './provider/define.js';
import './panel-settings/define.js';
import './notifications/define.js';
import './billing-settings/define.js';
import './email-change/define.js';
import './phone-verification/define.js';
import './login-history/define.js';
import './api-keys/define.js';
import './users/define.js';
import './privacy/define.js';
import './profile/define.js';
import './security/define.js';
import './settings/define.js';
import './overview/define.js';
import './account-menu/define.js';
import './referral/define.js';

export * from './index.js';
export { AdapterError, toAdapterError, ADAPTER_ERROR_CODES, type AccountAdapter } from '@acct/core';
