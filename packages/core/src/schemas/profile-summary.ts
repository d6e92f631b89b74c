import * as z from 'zod/mini';

// Kept apart from profile.ts so an element that shows only the summary (acct-overview) does not
// carry the whole profile's schemas, in any bundler: the bundle build's `pure-schemas` step
// (rollup.config.mjs) drops unused schemas, but a host bundling @acct/core itself has no such step.

export const ACCOUNT_TYPES = ['individual', 'company', 'sole_trader', 'state_institution'] as const;
export const AccountType = z.enum(ACCOUNT_TYPES);
export type AccountType = z.infer<typeof AccountType>;

/** @internal Shared with profile.ts. */
export const text = z.optional(z.string());
/** @internal Shared with profile.ts. */
export const OptionalAccountType = z.optional(AccountType);
/** @internal Personal discount in percent; read only. Shared with profile.ts. */
export const Discount = z.optional(z.number().check(z.minimum(0), z.maximum(100)));

/**
 * What the control panel home shows of a profile (name, type, discount), checked by the same rules
 * as in `Profile`; the rest of the record passes through unread, as through any element that does
 * not show it.
 */
export const ProfileSummary = z.looseObject({
  username: text,
  lastName: text,
  firstName: text,
  middleName: text,
  companyName: text,
  accountType: OptionalAccountType,
  discount: Discount,
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;
