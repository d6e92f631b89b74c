// What acct-billing-settings parses its reads with: a chunk fetched beside the first read (issue
// 10), so zod is not in the entry, whose first paint (the skeleton) has no use for it.
import { BillingSettings, settingsSchemas } from '@acct/core';

export const settings = settingsSchemas(BillingSettings);
export { Currencies } from '@acct/core';
