import * as z from 'zod/mini';
import { map } from './common.js';
import { Discount, OptionalAccountType, text } from './profile-summary.js';

export { ACCOUNT_TYPES, AccountType, ProfileSummary } from './profile-summary.js';

export const Residency = z.enum(['resident', 'non_resident']);
export type Residency = z.infer<typeof Residency>;

/**
 * `true` / `false`; `'admin'`: the main administrator only (viewer role `owner`); `'once'`: anyone
 * may fill it while the saved value is empty, then it is read-only (changed by support only).
 */
const Editable = z.union([z.boolean(), z.enum(['admin', 'once'])]);

export const ADDRESS_PARTS = ['country', 'region', 'city', 'postcode', 'line1', 'line2'] as const;
export const Address = z.object({ country: text, region: text, city: text, postcode: text, line1: text, line2: text });
export type Address = z.infer<typeof Address>;

/** How original billing documents reach the client (document 002, "original billing documents"). */
export const DOCUMENTS_DELIVERY = ['edo', 'post', 'courier', 'pickup'] as const;
export const DocumentsDelivery = z.enum(DOCUMENTS_DELIVERY);

export const VERIFICATION_STATUSES = ['none', 'pending', 'verified', 'rejected'] as const;

/** Text fields of the profile, in the order of DESIGN.md. */
export const PROFILE_TEXT_FIELDS = [
  'username', 'country', 'lastName', 'firstName', 'middleName', 'birthDate', 'birthPlace',
  'passportNumber', 'passportIssuedBy', 'passportIssueDate', 'companyName', 'inn', 'kpp', 'ogrn',
  'vatin', 'authorizedPerson', 'position', 'authorizedBy', 'bic', 'bankName',
  'correspondentAccount', 'settlementAccount', 'personalAccount', 'swift', 'accountNumber',
  'email', 'phone', 'fax', 'contactPerson', 'contactEmail', 'contactPhone',
] as const;
export const ADDRESS_FIELDS = ['legalAddress', 'actualAddress', 'postalAddress'] as const;

/** Every field id of DESIGN.md, "Profile: fields and policies". */
export const PROFILE_FIELDS = [
  'username', 'accountType', 'residency', 'country', 'lastName', 'firstName', 'middleName',
  'birthDate', 'birthPlace', 'passportNumber', 'passportIssuedBy', 'passportIssueDate',
  'companyName', 'inn', 'kpp', 'ogrn', 'vatin', 'authorizedPerson', 'position', 'authorizedBy',
  'bic', 'bankName', 'correspondentAccount', 'settlementAccount', 'personalAccount', 'swift',
  'accountNumber', 'legalAddress', 'actualAddress', 'postalAddress', 'email', 'phone', 'fax',
  'contactPerson', 'contactEmail', 'contactPhone', 'documentsDelivery', 'discount', 'verification',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/**
 * One record keyed by field id. Every field is optional (a policy decides which show), addresses
 * are objects, host-defined values live under `custom`. Unknown keys are kept, so a newer
 * backend's fields pass through an older element untouched.
 */
export const Profile = z.looseObject({
  ...(Object.fromEntries(PROFILE_TEXT_FIELDS.map((k) => [k, text])) as Record<(typeof PROFILE_TEXT_FIELDS)[number], typeof text>),
  ...(Object.fromEntries(ADDRESS_FIELDS.map((k) => [k, z.optional(Address)])) as Record<(typeof ADDRESS_FIELDS)[number], z.ZodMiniOptional<typeof Address>>),
  accountType: OptionalAccountType,
  residency: z.optional(Residency),
  // '': not chosen.
  documentsDelivery: z.optional(z.enum([...DOCUMENTS_DELIVERY, ''])),
  /** Personal discount in percent; read only. */
  discount: Discount,
  /** The phone was verified by SMS or call (server-managed; a changed number is unverified). */
  phoneVerified: z.optional(z.boolean()),
  /** Verification of a company account; read only. */
  verification: z.optional(z.enum(VERIFICATION_STATUSES)),
  custom: z.optional(map(z.union([z.string(), z.boolean(), z.number(), z.null()]))),
});
export type Profile = z.infer<typeof Profile>;

const flag = z.optional(z.boolean());
const FieldPolicyInput = z.object({
  visible: flag,
  required: flag,
  requiredForPayment: flag,
  editable: z.optional(Editable),
  /** Changing an existing value creates a confirmation ticket. */
  confirm: flag,
});
export type FieldPolicyInput = z.input<typeof FieldPolicyInput>;
export type FieldPolicy = Required<FieldPolicyInput>;

/** The common case a policy's omitted flags stand for: visible, optional, editable, no confirmation. */
export const FIELD_POLICY_DEFAULTS: FieldPolicy = { visible: true, required: false, requiredForPayment: false, editable: true, confirm: false };

/**
 * What a policy says about one field; omitted flags get FIELD_POLICY_DEFAULTS. An overwrite check
 * instead of `z._default` per flag: the default schema type is in the bundle for this alone.
 */
export const FieldPolicy = FieldPolicyInput.check(
  z.overwrite((p) => {
    // `??=`, not a spread: an explicit `undefined` gets the default too, as with z._default.
    for (const k in FIELD_POLICY_DEFAULTS) (p as Record<string, unknown>)[k] ??= FIELD_POLICY_DEFAULTS[k as keyof FieldPolicy];
    return p;
  }),
) as unknown as z.ZodMiniType<FieldPolicy, FieldPolicyInput>;

/** A label in several locales (`{ en: 'Tax exempt', ru: 'Освобождён от НДС' }`) or one string. */
export const LocalizedText = z.union([z.string(), map(z.string())]);
export type LocalizedText = z.infer<typeof LocalizedText>;

export const CUSTOM_FIELD_TYPES = ['text', 'email', 'tel', 'select', 'checkbox', 'date'] as const;

/** A host's own profile field, stored under `profile.custom[id]`. */
export const CustomField = z.object({
  id: z.string().check(z.regex(/^[A-Za-z][\w-]{0,63}$/)),
  label: LocalizedText,
  type: z.enum(CUSTOM_FIELD_TYPES),
  hint: z.optional(LocalizedText),
  options: z.optional(z.array(z.object({ value: z.string(), label: LocalizedText }))),
  required: z.optional(z.boolean()),
  requiredForPayment: z.optional(z.boolean()),
  editable: z.optional(Editable),
  confirm: z.optional(z.boolean()),
  /** A regular expression the whole value must match (text, email, tel). */
  pattern: z.optional(z.string()),
});
export type CustomField = z.infer<typeof CustomField>;

/** Which fields show, are required (also for payment), editable and confirmed by ticket. */
export const ProfilePolicy = z.object({
  /** Field id -> policy. A field that is not listed is not shown. */
  fields: map(FieldPolicy),
  custom: z.optional(z.array(CustomField)),
});
export type ProfilePolicy = z.infer<typeof ProfilePolicy>;
export type ProfilePolicyInput = z.input<typeof ProfilePolicy>;
