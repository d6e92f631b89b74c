// What acct-notifications parses its reads with (its settings, and the currency and email it
// looks up): a chunk fetched beside the first read (issue 10), so zod is not in the entry, whose
// first paint (the skeleton) has no use for it.
import { BillingSettings, NotificationSettings, settingsSchemas, versioned } from '@acct/core';

export const settings = settingsSchemas(NotificationSettings);
export const billing = versioned(BillingSettings);
export { Balance, EmailStatus } from '@acct/core';
