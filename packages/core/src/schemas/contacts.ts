import * as z from 'zod/mini';
import { orEmpty } from './common.js';

export const EmailStatus = z.object({
  email: z.string(),
  pending: z.optional(z.string()),
  confirmed: z.boolean(),
});
export type EmailStatus = z.infer<typeof EmailStatus>;
/** What `contacts.requestEmailChange` answers: the new status, or nothing. */
export const MaybeEmailStatus = orEmpty(EmailStatus);

export interface PhoneVerificationOptions {
  method: 'sms' | 'call';
  gateway?: 'primary' | 'secondary';
}
