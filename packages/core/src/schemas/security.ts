import * as z from 'zod/mini';
import { Int } from './common.js';

export const SecuritySettings = z.object({
  codeWordSet: z.boolean(),
  ipRules: z.array(z.string()),
  showLastIp: z.boolean(),
  twoFactor: z.object({ enabled: z.boolean() }),
  passwordPolicy: z.optional(z.object({ minLength: Int.check(z.gte(1)) })),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

/** Fields a client may send; `codeWordSet` and `twoFactor` change only through their own calls. */
export type SecurityPatch = Partial<Pick<SecuritySettings, 'ipRules' | 'showLastIp'>>;

export const TwoFactorEnrolment = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TwoFactorEnrolment = z.infer<typeof TwoFactorEnrolment>;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
