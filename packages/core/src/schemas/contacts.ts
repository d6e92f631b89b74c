import * as z from 'zod/mini';

export const EmailStatus = z.object({
  email: z.string(),
  pending: z.optional(z.string()),
  confirmed: z.boolean(),
});
export type EmailStatus = z.infer<typeof EmailStatus>;

export interface PhoneVerificationOptions {
  method: 'sms' | 'call';
  gateway?: 'primary' | 'secondary';
}
