/**
 * The one email address rule of the library, clients and servers alike: zod's `z.email()` pattern
 * (dot-separated local parts, a domain with a TLD of two letters or more). Schemas use it through
 * `Email` in schemas/common.ts.
 */
export const EMAIL = /^(?:[\w'+-]+\.)*[\w'+-]*[\w+-]@(?:[A-Za-z\d][A-Za-z\d-]*\.)+[A-Za-z]{2,}$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

export type EmailResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'invalid_email' };

/** The `Email` rule for a field as it is typed (normalised and trimmed first). */
export function validateEmail(text: string): EmailResult {
  const value = text.normalize('NFKC').trim();
  if (value === '') return { ok: false, reason: 'empty' };
  return isEmail(value) ? { ok: true, value } : { ok: false, reason: 'invalid_email' };
}
