// What acct-panel-settings parses its reads with: a chunk fetched beside the first read (issue 10),
// so zod is not in the entry, whose first paint (the skeleton) has no use for it.
import { PanelSettings, settingsSchemas } from '@acct/core';

export const settings = settingsSchemas(PanelSettings);
