/**
 * Cross-field rules of the profile, shared by elements (as the user types) and servers (on
 * update): identifier checks that depend on the account type or the BIC, required fields, and
 * what an update may change. What a role may edit and what payment waits for are in
 * profile-rules.ts, which a read-only view imports without these validators.
 */
import type { CustomField, FieldPolicy, Profile, ProfilePolicy } from '../schemas/profile.js';
import type { Role } from '../schemas/viewer.js';
import {
  validateBic,
  validateCorrespondentAccount,
  validateInn,
  validateKpp,
  validateOgrn,
  validateOgrnip,
  validateRuPassport,
  validateSettlementAccount,
} from '../validators/ru.js';
import { isEmail } from '../validators/email.js';
import { validateIban, validateSwift, validateVatin } from '../validators/intl.js';
import { getPath as get } from '../paths.js';
import { ADDRESSES, canEdit, isBlank, REQUIRED_ADDRESS_PARTS } from './profile-rules.js';


/** Reasons beyond the identifier validators' own. */
export type ProfileReason = string;

const COMPANY_TYPES = new Set(['company', 'sole_trader', 'state_institution']);

/** A simple phone check until libphonenumber lands: optional +, 7 to 15 digits. */
export function looksLikePhone(v: string): boolean {
  if (!/^\+?[\d\s().-]+$/.test(v)) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

function validDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/**
 * Checks one built-in field's value in the context of the whole profile; `undefined` when valid
 * or blank (blank is the required rule's business). `today` (YYYY-MM-DD) bounds past dates.
 */
export function validateProfileField(path: string, value: unknown, profile: Profile, today?: string): ProfileReason | undefined {
  if (isBlank(value) || typeof value !== 'string') return undefined;
  const resident = profile.residency !== 'non_resident';
  const type = profile.accountType;
  const result = (r: { ok: true } | { ok: false; reason: string }) => (r.ok ? undefined : r.reason);
  switch (path) {
    case 'inn':
      // Organisations have 10 digits; people and sole traders 12.
      return result(validateInn(value, type === 'company' || type === 'state_institution' ? 'legal' : type ? 'person' : undefined));
    case 'kpp':
      return result(validateKpp(value));
    case 'ogrn':
      return result(type === 'sole_trader' ? validateOgrnip(value) : validateOgrn(value));
    case 'bic':
      return result(validateBic(value));
    case 'correspondentAccount':
      return result(validateCorrespondentAccount(value, profile.bic));
    case 'settlementAccount':
      return result(validateSettlementAccount(value, profile.bic));
    case 'personalAccount':
      return /^[0-9A-ZА-ЯЁ]{11}$/i.test(value.replace(/\s/g, '')) ? undefined : 'format';
    case 'passportNumber':
      return resident ? result(validateRuPassport(value)) : /^[\p{L}\d\s-]{5,20}$/u.test(value) ? undefined : 'format';
    case 'swift':
      return result(validateSwift(value));
    case 'accountNumber':
      // IBAN where the country has one; elsewhere a local account number.
      return /^[A-Za-z]{2}\d{2}/.test(value.replace(/\s/g, ''))
        ? result(validateIban(value))
        : /^[A-Za-z0-9\s-]{5,34}$/.test(value) ? undefined : 'format';
    case 'vatin':
      return result(validateVatin(value, profile.country));
    case 'email':
    case 'contactEmail':
      return isEmail(value.trim()) ? undefined : 'email';
    case 'phone':
    case 'contactPhone':
    case 'fax':
      return looksLikePhone(value) ? undefined : 'phone';
    case 'birthDate':
    case 'passportIssueDate':
      if (!validDate(value)) return 'date';
      return today && value > today ? 'future_date' : undefined;
    default:
      return undefined;
  }
}

function customReason(f: CustomField, value: unknown): ProfileReason | undefined {
  if (isBlank(value)) return undefined;
  const s = String(value);
  if (f.type === 'email' && !isEmail(s)) return 'email';
  if (f.type === 'tel' && !looksLikePhone(s)) return 'phone';
  if (f.type === 'date' && !validDate(s)) return 'date';
  if (f.type === 'select' && !(f.options ?? []).some((o) => o.value === s)) return 'option';
  if (f.pattern && f.type !== 'checkbox' && f.type !== 'select') {
    try {
      if (!new RegExp(`^(?:${f.pattern})$`, 'u').test(s)) return 'pattern';
    } catch {
      // A host's broken pattern must not block the user; the server has the last word.
    }
  }
  return undefined;
}

export interface ProfileCheckOptions {
  role?: Role | undefined;
  /** The stored profile, for `editable: 'once'` fields: without it they are checked as editable. */
  saved?: Profile | undefined;
  /** YYYY-MM-DD; dates after it are refused for birth and issue dates. */
  today?: string | undefined;
}

/**
 * Field path -> reason for everything the viewer can fix: required fields, identifier checks
 * (with their cross-field context) and custom fields. Fields the viewer cannot edit are skipped:
 * an error there could not be corrected.
 */
export function validateProfile(profile: Profile, policy: ProfilePolicy, o: ProfileCheckOptions = {}): Record<string, ProfileReason> {
  const errors: Record<string, ProfileReason> = {};
  const companyType = COMPANY_TYPES.has(profile.accountType ?? '');
  for (const [id, p] of Object.entries(policy.fields)) {
    if (!p.visible || !canEdit(p, o.role, o.saved?.[id])) continue;
    const value = (profile as Record<string, unknown>)[id];
    // KPP is required of organisations (legal entities and state institutions) whatever the policy says.
    const required = p.required || (id === 'kpp' && companyType && profile.accountType !== 'sole_trader' && profile.residency !== 'non_resident');
    if (ADDRESSES.has(id)) {
      if (required) for (const part of REQUIRED_ADDRESS_PARTS) if (isBlank(get(value, part))) errors[`${id}.${part}`] = 'required';
      continue;
    }
    if (required && isBlank(value)) {
      errors[id] = 'required';
      continue;
    }
    const reason = validateProfileField(id, value, profile, o.today);
    if (reason) errors[id] = reason;
  }
  for (const f of policy.custom ?? []) {
    if (!canEdit({ editable: f.editable ?? true }, o.role, o.saved?.custom?.[f.id])) continue;
    const value = profile.custom?.[f.id];
    const path = `custom.${f.id}`;
    if (f.required && isBlank(value)) errors[path] = 'required';
    else {
      const reason = customReason(f, value);
      if (reason) errors[path] = reason;
    }
  }
  return errors;
}

function policyOf(policy: ProfilePolicy, key: string): Pick<FieldPolicy, 'editable' | 'confirm'> | undefined {
  if (key.startsWith('custom.')) {
    const f = policy.custom?.find((c) => `custom.${c.id}` === key);
    return f ? { editable: f.editable ?? true, confirm: f.confirm ?? false } : undefined;
  }
  return policy.fields[key];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null) || (isBlank(a) && isBlank(b));
}

/**
 * What an update may do under a policy: changes to fields the viewer cannot edit (or that the
 * policy does not show; `'once'` fields once `before` has them) are `read_only` errors; changes to
 * filled `confirm` fields need a ticket.
 * Custom fields are compared one by one (`custom.<id>`).
 */
export function checkProfileChange(
  before: Profile,
  after: Profile,
  policy: ProfilePolicy,
  role: Role | undefined,
): { errors: Record<string, 'read_only'>; confirm: string[] } {
  const errors: Record<string, 'read_only'> = {};
  const confirm: string[] = [];
  const keys = new Set<string>();
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k === 'custom') {
      for (const c of new Set([...Object.keys(before.custom ?? {}), ...Object.keys(after.custom ?? {})])) keys.add(`custom.${c}`);
    } else keys.add(k);
  }
  for (const key of keys) {
    const a = get(before, key);
    const b = get(after, key);
    if (same(a, b)) continue;
    const p = policyOf(policy, key);
    if (!p || ('visible' in p && p.visible === false) || !canEdit(p, role, a)) errors[key] = 'read_only';
    else if (p.confirm && !isBlank(a)) confirm.push(key);
  }
  return { errors, confirm };
}
