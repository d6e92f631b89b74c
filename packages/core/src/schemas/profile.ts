import * as z from 'zod/mini';

// The full field matrix, policies and identifier rules arrive with <acct-profile>; until then a
// profile is a record keyed by field id, with host-defined values under `custom`.
export const Profile = z.looseObject({
  username: z.optional(z.string()),
  accountType: z.optional(z.enum(['individual', 'company', 'sole_trader', 'state_institution'])),
  residency: z.optional(z.enum(['resident', 'non_resident'])),
  custom: z.optional(z.record(z.string(), z.unknown())),
});
export type Profile = z.infer<typeof Profile>;

export const FieldPolicy = z.object({
  visible: z.boolean(),
  required: z.boolean(),
  requiredForPayment: z.boolean(),
  editable: z.union([z.boolean(), z.literal('admin')]),
  confirm: z.boolean(),
});
export type FieldPolicy = z.infer<typeof FieldPolicy>;

export const ProfilePolicy = z.object({
  fields: z.record(z.string(), FieldPolicy),
  custom: z.optional(z.array(z.looseObject({ id: z.string(), type: z.string() }))),
});
export type ProfilePolicy = z.infer<typeof ProfilePolicy>;
