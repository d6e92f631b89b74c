// What acct-profile parses its reads with, and core's default policies: a chunk fetched beside the
// first read (issue 10), so zod is not in the entry, whose first paint (the skeleton) has no use
// for either. The policy is only needed once data is there to show.
import { Profile, settingsSchemas } from '@acct/core';

export const settings = settingsSchemas(Profile);
export { defaultProfilePolicy, EmailStatus, ProfilePolicy, Viewer } from '@acct/core';
