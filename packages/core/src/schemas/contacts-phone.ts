import * as z from 'zod/mini';
import { Int } from './common.js';

// The contacts domain's phone check, apart from contacts.ts so an element that reads only the
// email status (notifications, profile) does not carry it: a used module keeps all its schemas.

export const PhoneVerification = z.object({
  id: z.string(),
  method: z.enum(['sms', 'call']),
  /** Digits the user enters: the SMS code length, or 4 for the last digits of the caller. */
  codeLength: Int.check(z.gte(1), z.lte(12)),
  /** Seconds before another code may be requested. */
  resendAfter: z.number().check(z.gte(0)),
  /** Wrong codes allowed before the check is closed (then `rate_limited`); unknown if absent. */
  attempts: z.optional(Int.check(z.gte(1))),
});
export type PhoneVerification = z.infer<typeof PhoneVerification>;
