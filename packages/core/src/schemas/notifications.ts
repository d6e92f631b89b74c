import * as z from 'zod/mini';
import { EMAIL } from '../validators/email.js';

/**
 * Empty string = "send to the account email"; otherwise the `Email` rule. One pattern, not a union
 * of '' and `Email`: the union kind is then not in an element that needs it for nothing else.
 */
const OptionalEmail = z.string().check(z.regex(new RegExp(`^$|${EMAIL.source}`)));

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
