import * as z from 'zod/mini';
import { CurrencyCode } from './common.js';

export const BillingSettings = z.object({
  autoRenew: z.boolean(),
  currency: CurrencyCode,
  paymentWithoutAuth: z.boolean(),
});
export type BillingSettings = z.infer<typeof BillingSettings>;

export const Currencies = z.array(CurrencyCode);

export const Balance = z.object({
  amount: z.number(),
  currency: CurrencyCode,
  lowBalance: z.optional(z.boolean()),
});
export type Balance = z.infer<typeof Balance>;
