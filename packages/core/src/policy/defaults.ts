/**
 * Core's default policies for both source documents, so the reference server, the memory adapter
 * and the stories show the same fields. The control panel (document 002) is a matrix of account
 * type x residency with exactly the fields of its table; the billing panel (document 000) has an
 * individual / company profile whose required fields are needed before payment.
 */
import { FIELD_POLICY_DEFAULTS, type AccountType, type FieldPolicy, type ProfilePolicy, type Residency } from '../schemas/profile.js';

export type PolicyPanel = 'control' | 'billing';

const field = (p: Partial<FieldPolicy> = {}): FieldPolicy => ({ ...FIELD_POLICY_DEFAULTS, ...p });

const readOnly = field({ editable: false });
/**
 * Filled once, then changed by support only (document 002: "change the INN or VATIN" is a support
 * request): an account created without it can still enter it.
 */
const once = field({ editable: 'once' });
/** One object for every plain field: policies are only read, and confirmChanges copies them. */
const plain = field();
/** Company data: the main administrator only, and a change of filled data is confirmed by ticket. */
const company = field({ editable: 'admin', confirm: true });
const companyRequired = field({ editable: 'admin', confirm: true, required: true });
const confirmed = field({ confirm: true });

/**
 * A personal account: "It is not possible to specify the name of another person" (document 002).
 * The name is entered once (a required name left empty at sign-up must be fillable), then fixed.
 */
const person = {
  lastName: field({ required: true, editable: 'once' }),
  firstName: field({ required: true, editable: 'once' }),
  middleName: once,
  birthDate: confirmed,
  birthPlace: confirmed,
  passportNumber: confirmed,
  passportIssuedBy: confirmed,
  passportIssueDate: confirmed,
  postalAddress: confirmed,
  email: field({ required: true }),
  phone: field({ required: true }),
  discount: readOnly,
};
const passport = {
  passportNumber: company,
  passportIssuedBy: company,
  passportIssueDate: company,
};
const ruBank = { bic: company, bankName: company, correspondentAccount: company, settlementAccount: company };
const addresses = { actualAddress: company, legalAddress: company };
const companyContacts = { phone: plain, fax: plain, contactPerson: plain, contactEmail: plain, contactPhone: plain };
const signatory = { authorizedPerson: company, position: company, authorizedBy: company };
const statusFields = { discount: readOnly, verification: readOnly };

/** Control panel matrix, one entry per cell of document 002's table. */
const CONTROL: Record<AccountType, Partial<Record<Residency, Record<string, FieldPolicy>>>> = {
  individual: {
    resident: person,
    non_resident: { ...person, country: readOnly },
  },
  company: {
    resident: {
      companyName: companyRequired,
      inn: once,
      kpp: companyRequired,
      ogrn: companyRequired,
      ...signatory,
      ...ruBank,
      ...addresses,
      ...companyContacts,
      documentsDelivery: plain,
      ...statusFields,
    },
    non_resident: {
      companyName: companyRequired,
      country: readOnly,
      vatin: once,
      authorizedPerson: company,
      bankName: company,
      swift: company,
      accountNumber: company,
      ...addresses,
      ...companyContacts,
      ...statusFields,
    },
  },
  sole_trader: {
    resident: {
      companyName: companyRequired,
      inn: once,
      ...passport,
      ...ruBank,
      ...addresses,
      contactPerson: plain,
      contactEmail: plain,
      contactPhone: plain,
      documentsDelivery: plain,
      ...statusFields,
    },
  },
  state_institution: {
    resident: {
      companyName: companyRequired,
      inn: once,
      kpp: companyRequired,
      ogrn: companyRequired,
      ...signatory,
      bic: company,
      bankName: company,
      personalAccount: company,
      settlementAccount: company,
      ...addresses,
      ...companyContacts,
      documentsDelivery: plain,
      ...statusFields,
    },
  },
};

const payment = field({ required: true, requiredForPayment: true });

/** Billing panel (document 000): required fields block payment until filled. */
const BILLING_INDIVIDUAL: Record<string, FieldPolicy> = {
  username: readOnly,
  accountType: plain,
  country: readOnly,
  lastName: payment,
  firstName: payment,
  email: payment,
  phone: payment,
  postalAddress: payment,
  discount: readOnly,
};
const BILLING_COMPANY: Record<string, FieldPolicy> = {
  ...BILLING_INDIVIDUAL,
  companyName: field({ required: true, confirm: true }),
  vatin: once,
  legalAddress: confirmed,
  verification: readOnly,
};

/** Fields the user manages without support: their own verification, or a preference. */
const UNCONFIRMED = new Set(['email', 'phone', 'documentsDelivery']);

/** Document 002: "If the old (previously entered) data has been changed, a ticket will be created". */
function confirmChanges(cell: Record<string, FieldPolicy>): Record<string, FieldPolicy> {
  const out: Record<string, FieldPolicy> = {};
  // A 'once' field has no old data to change: it is editable only while empty.
  for (const [id, p] of Object.entries(cell)) out[id] = p.editable !== false && p.editable !== 'once' && !UNCONFIRMED.has(id) ? { ...p, confirm: true } : { ...p };
  return out;
}

/**
 * The default policy for a profile. The control panel has no non-resident column for sole traders
 * and state institutions ("-" in the table): those get the resident cell.
 */
export function defaultProfilePolicy(
  accountType: AccountType = 'individual',
  residency: Residency = 'resident',
  panel: PolicyPanel = 'control',
): ProfilePolicy {
  if (panel === 'billing') return { fields: { ...(accountType === 'individual' ? BILLING_INDIVIDUAL : BILLING_COMPANY) } };
  const cells = CONTROL[accountType] ?? CONTROL.individual;
  return { fields: confirmChanges(cells[residency] ?? cells.resident ?? {}) };
}
