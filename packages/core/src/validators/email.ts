import * as z from 'zod/mini';

const Email = z.email();

export type EmailResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'invalid_email' };

/** The same rule as the schemas' `z.email()`, for a field as it is typed (trimmed first). */
export function validateEmail(text: string): EmailResult {
  const value = text.normalize('NFKC').trim();
  if (value === '') return { ok: false, reason: 'empty' };
  return Email.safeParse(value).success ? { ok: true, value } : { ok: false, reason: 'invalid_email' };
}
