import * as z from 'zod/mini';
import { Email } from './common.js';

/** Empty string = "send to the account email". */
const OptionalEmail = z.union([z.enum(['']), Email]);

export const NotificationSettings = z.object({
  newsletter: z.boolean(),
  lowBalance: z.object({
    enabled: z.boolean(),
    /** Major units of the account currency. */
    threshold: z.number().check(z.gte(0)),
  }),
  emails: z.object({ invoices: OptionalEmail, support: OptionalEmail, complaints: OptionalEmail }),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;
