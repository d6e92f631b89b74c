/**
 * The profile rules a read-only view needs too: what a role may change and which fields payment
 * still waits for. Kept apart from rules.ts, whose checks pull in the identifier validators, so an
 * element that shows the profile as text does not carry them (issue 10): its edit form, a lazy
 * chunk, brings them.
 */
import type { FieldPolicy, Profile, ProfilePolicy } from '../schemas/profile.js';
import type { Role } from '../schemas/viewer.js';

/** Address parts a required address must have ("City" and "Address" in document 000). */
export const REQUIRED_ADDRESS_PARTS = ['city', 'line1'] as const;

/** @internal Built-in fields whose value is an address object. */
export const ADDRESSES = new Set(['legalAddress', 'actualAddress', 'postalAddress']);

/** @internal Empty for the required rules: nothing, blank text, or an unchecked box. */
export function isBlank(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false) return true;
  if (typeof v === 'string') return v.trim() === '';
  return false;
}

/**
 * Can this viewer change the field? `'admin'` means the main administrator (role `owner`);
 * `'once'` means while the field's saved value (`saved`, the stored data, not the draft) is blank.
 */
export function canEdit(policy: Pick<FieldPolicy, 'editable'> | undefined, role: Role | undefined, saved?: unknown): boolean {
  if (!policy) return false;
  const e = policy.editable;
  return e === 'admin' ? role === 'owner' : e === 'once' ? isBlank(saved) : e !== false;
}

/** Paths the policy needs before payment that are still empty (addresses by part). */
export function missingForPayment(profile: Profile, policy: ProfilePolicy): string[] {
  const missing: string[] = [];
  for (const [id, p] of Object.entries(policy.fields)) {
    if (!p.visible || !p.requiredForPayment) continue;
    const value = (profile as Record<string, unknown>)[id];
    if (ADDRESSES.has(id)) {
      for (const part of REQUIRED_ADDRESS_PARTS) if (isBlank((value as Record<string, unknown> | undefined)?.[part])) missing.push(`${id}.${part}`);
    } else if (isBlank(value)) missing.push(id);
  }
  for (const f of policy.custom ?? []) if (f.requiredForPayment && isBlank(profile.custom?.[f.id])) missing.push(`custom.${f.id}`);
  return missing;
}
