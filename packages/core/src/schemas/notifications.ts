import * as z from 'zod/mini';
import { Email } from './common.js';

/** Empty string = "send to the account email". */
const OptionalEmail = z.union([z.enum(['']), Email]);

const LowBalance = z.object({
  enabled: z.boolean(),
  /** Major units of the account currency. */
  threshold: z.number().check(z.gte(0)),
});

export const NotificationSettings = z.object({
  newsletter: z.boolean(),
  lowBalance: LowBalance,
  emails: z.object({ invoices: OptionalEmail, support: OptionalEmail, complaints: OptionalEmail }),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** The low-balance part of the notification settings: what the home page's balance warning reads. */
export const LowBalanceSettings = z.looseObject({ lowBalance: LowBalance });
