/**
 * The numbers of the password policy (NIST SP 800-63B-4), apart from the validator and its
 * blocklist so that a form can show the rule without loading the list.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MIN_LENGTH_WITH_SECOND_FACTOR = 8;
/** Far above the 64 NIST asks us to allow; beyond it a paste is a mistake, not a password. */
export const PASSWORD_MAX_LENGTH = 256;

/** The minimum a policy asks for: the host's own, else 8 with two-factor on, else 15. */
export function passwordMinLength(o: { twoFactor?: boolean; policy?: { minLength: number } | undefined } = {}): number {
  return o.policy?.minLength ?? (o.twoFactor ? PASSWORD_MIN_LENGTH_WITH_SECOND_FACTOR : PASSWORD_MIN_LENGTH);
}

