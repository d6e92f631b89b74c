// What acct-security parses its reads with: a chunk fetched beside the first read (issue 10), so
// zod is not in the entry, whose first paint (the skeleton) has no use for it.
import { SecuritySettings, settingsSchemas } from '@acct/core';

export const settings = settingsSchemas(SecuritySettings);
export { Viewer } from '@acct/core';
