// What only the edit form needs (issue 10): autofill tokens, hints, the reasons a field is
// read-only and translated field errors. Loaded with form.ts, not with the element's first paint.
import { msg, str } from '@lit/localize';
import type { FieldPolicy, Profile } from '@acct/core';
import { fieldLabel } from './fields.js';

/** How the form draws a built-in field: one renderer reads this instead of a template per field. */
export interface FieldMeta {
  control: 'text' | 'email' | 'tel' | 'date' | 'address' | 'select' | 'type';
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'tel' | 'text';
  /** Identifiers are shown in a monospace font and never spell-checked. */
  code?: boolean;
}

const text = (autocomplete = 'off'): FieldMeta => ({ control: 'text', autocomplete });
const id = (inputmode: FieldMeta['inputmode'] = 'numeric'): FieldMeta => ({ control: 'text', autocomplete: 'off', inputmode, code: true });

/** Built-in fields' controls; which fields show and in what order is fields.ts's FIELD_GROUP. */
export const FIELD_META: Record<string, FieldMeta> = {
  username: text('username'),
  accountType: { control: 'type' },
  country: text('country'),
  lastName: text('family-name'),
  firstName: text('given-name'),
  middleName: text('additional-name'),
  birthDate: { control: 'date', autocomplete: 'bday' },
  birthPlace: text(),
  passportNumber: id('text'),
  passportIssuedBy: text(),
  passportIssueDate: { control: 'date', autocomplete: 'off' },
  companyName: text('organization'),
  inn: id(),
  kpp: id('text'),
  ogrn: id(),
  vatin: id('text'),
  authorizedPerson: text(),
  position: text(),
  authorizedBy: text(),
  bic: id(),
  bankName: text(),
  correspondentAccount: id(),
  personalAccount: id('text'),
  settlementAccount: id(),
  swift: id('text'),
  accountNumber: id('text'),
  legalAddress: { control: 'address' },
  actualAddress: { control: 'address' },
  postalAddress: { control: 'address' },
  email: { control: 'email', autocomplete: 'email', inputmode: 'email' },
  phone: { control: 'tel', autocomplete: 'tel', inputmode: 'tel' },
  fax: { control: 'tel', autocomplete: 'fax tel', inputmode: 'tel' },
  contactPerson: text('section-contact name'),
  contactEmail: { control: 'email', autocomplete: 'section-contact email', inputmode: 'email' },
  contactPhone: { control: 'tel', autocomplete: 'section-contact tel', inputmode: 'tel' },
  documentsDelivery: { control: 'select' },
};

export const ADDRESS_PART_AUTOCOMPLETE: Record<string, string> = {
  country: 'country',
  region: 'address-level1',
  city: 'address-level2',
  postcode: 'postal-code',
  line1: 'address-line1',
  line2: 'address-line2',
};

/** Address objects get their own autofill section, so a legal and a postal address do not mix. */
export const ADDRESS_SECTION: Record<string, string> = {
  legalAddress: 'section-legal',
  actualAddress: 'section-actual',
  postalAddress: 'section-postal',
};

/** Help text under a built-in control. */
export function fieldHint(path: string, d: Profile): string | undefined {
  switch (path) {
    case 'inn':
      return d.accountType === 'company' || d.accountType === 'state_institution' ? msg('10 digits') : msg('12 digits');
    case 'ogrn':
      return d.accountType === 'sole_trader' ? msg('15 digits') : msg('13 digits');
    case 'correspondentAccount':
    case 'settlementAccount':
      return msg('20 digits, checked against the BIC');
    case 'vatin':
      return msg('With the country prefix, like DE136695976');
    case 'phone':
    case 'contactPhone':
      return msg('International format, like +7 916 123-45-67');
    default:
      return undefined;
  }
}

/** Why a field is read-only, in the words of the documents. */
export function readOnlyReason(path: string, policy: Pick<FieldPolicy, 'editable'>): string {
  if (policy.editable === 'admin') return msg('Only the main administrator of the account can change company data.');
  switch (path) {
    case 'username':
      return msg('The username cannot be changed.');
    case 'country':
      return msg('To change the country, create a support ticket.');
    case 'inn':
    case 'vatin':
      return msg('This number cannot be changed. Contact support if it is wrong.');
    case 'lastName':
    case 'firstName':
    case 'middleName':
      return msg('The name of a personal account cannot be changed to another person.');
    default:
      return policy.editable === 'once' ? onceHint() : msg('This field cannot be changed here.');
  }
}

/** Under a field that is filled once (`editable: 'once'`): while empty, and as the reason after. */
export const onceHint = (): string => msg('Once saved, only support can change this.');

/** Translated field errors: identifier reasons say what is wrong with which number. */
export function reasonMessage(path: string, reason: string, profile: Profile): string | undefined {
  const [field = ''] = path.split('.');
  const name = fieldLabel(field, profile.accountType);
  switch (reason) {
    case 'required':
      return msg('Fill in this field.');
    case 'checksum':
      return msg(str`${name} check digit does not match. Check the number for typos.`);
    case 'length': {
      const n = expectedLength(field, profile);
      return n ? msg(str`${name} must have ${n} digits.`) : msg(str`${name} has the wrong number of characters.`);
    }
    case 'format':
      return msg(str`${name} contains characters that are not allowed here.`);
    case 'all_zeros':
      return msg(str`${name} cannot be all zeros.`);
    case 'country':
      return field === 'vatin'
        ? msg('The VAT number does not belong to the country of the account.')
        : field === 'swift'
          ? msg('Letters 5 and 6 of a SWIFT code are the country of the bank, like DE or FR.')
          : msg('This country does not use this format.');
    case 'bic_required':
      return msg('Enter a valid BIC first: the account is checked against it.');
    case 'bic_mismatch':
      return msg('The correspondent account does not belong to the bank with this BIC.');
    case 'email':
      return msg('Enter an email address like name@example.com.');
    case 'phone':
      return msg('Enter a phone number in international format, like +7 916 123-45-67.');
    case 'date':
      return msg('Enter a real date.');
    case 'future_date':
      return msg('This date cannot be in the future.');
    case 'pattern':
      return msg('This value does not have the expected format.');
    case 'option':
      return msg('Choose one of the options.');
    default:
      return undefined;
  }
}

function expectedLength(field: string, p: Profile): number | undefined {
  switch (field) {
    case 'inn':
      return p.accountType === 'company' || p.accountType === 'state_institution' ? 10 : 12;
    case 'kpp':
    case 'bic':
      return 9;
    case 'ogrn':
      return p.accountType === 'sole_trader' ? 15 : 13;
    case 'correspondentAccount':
    case 'settlementAccount':
      return 20;
    case 'passportNumber':
      return 10;
    default:
      return undefined;
  }
}
