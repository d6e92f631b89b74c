import * as z from 'zod/mini';
import { Int } from './common.js';

export const EmailStatus = z.object({
  email: z.string(),
  pending: z.optional(z.string()),
  confirmed: z.boolean(),
});
export type EmailStatus = z.infer<typeof EmailStatus>;

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

export interface PhoneVerificationOptions {
  method: 'sms' | 'call';
  gateway?: 'primary' | 'secondary';
}
