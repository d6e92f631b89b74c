import { msg } from '@lit/localize';
import type { Profile } from '@acct/core';
import { accountTypeLabel } from './labels.js';

export { accountTypeLabel };

export type ProfileGroup = 'account' | 'person' | 'company' | 'bank' | 'addresses' | 'contacts' | 'documents' | 'custom';

/**
 * Built-in fields per group, in display order: all the view needs. How the form draws each one
 * (control, autofill, input mode) is in form-fields.ts, loaded with the form. Discount and
 * verification are not here: the status line shows them.
 */
const LAYOUT: Record<Exclude<ProfileGroup, 'custom'>, string> = {
  account: 'username accountType country',
  person: 'lastName firstName middleName birthDate birthPlace passportNumber passportIssuedBy passportIssueDate',
  company: 'companyName inn kpp ogrn vatin authorizedPerson position authorizedBy',
  bank: 'bic bankName correspondentAccount personalAccount settlementAccount swift accountNumber',
  addresses: 'legalAddress actualAddress postalAddress',
  contacts: 'email phone fax contactPerson contactEmail contactPhone',
  documents: 'documentsDelivery',
};
/** Built-in field id -> its group, in display order. */
export const FIELD_GROUP: Record<string, ProfileGroup> = Object.fromEntries(
  Object.entries(LAYOUT).flatMap(([g, ids]) => ids.split(' ').map((id) => [id, g as ProfileGroup])),
);
export const GROUPS = [...Object.keys(LAYOUT), 'custom'] as ProfileGroup[];

export function groupHeading(group: ProfileGroup, type: Profile['accountType']): string {
  switch (group) {
    case 'account':
      return msg('Account');
    case 'person':
      return type === 'sole_trader' ? msg('Passport of the sole trader') : msg('Personal details');
    case 'company':
      return type === 'sole_trader' ? msg('Sole trader') : type === 'state_institution' ? msg('Institution') : msg('Company');
    case 'bank':
      return msg('Bank details');
    case 'addresses':
      return msg('Addresses');
    case 'contacts':
      return msg('Contact details');
    case 'documents':
      return msg('Original billing documents');
    default:
      return msg('Additional information');
  }
}

export function fieldLabel(field: string, type?: Profile['accountType']): string {
  switch (field) {
    case 'username': return msg('Username');
    case 'accountType': return msg('Profile type');
    case 'residency': return msg('Residency');
    case 'country': return msg('Country');
    case 'lastName': return msg('Last name');
    case 'firstName': return msg('First name');
    case 'middleName': return msg('Middle name');
    case 'birthDate': return msg('Date of birth');
    case 'birthPlace': return msg('Place of birth');
    case 'passportNumber': return msg('Passport series and number');
    case 'passportIssuedBy': return msg('Passport issued by');
    case 'passportIssueDate': return msg('Passport issue date');
    case 'companyName': return type === 'sole_trader' ? msg('Name of the sole trader') : msg('Company name');
    case 'inn': return msg('INN');
    case 'kpp': return msg('KPP');
    case 'ogrn': return type === 'sole_trader' ? msg('OGRNIP') : msg('OGRN (PSRN)');
    case 'vatin': return msg('VAT number');
    case 'authorizedPerson': return msg('Authorized person');
    case 'position': return msg('Position');
    case 'authorizedBy': return msg('Acting on the basis of');
    case 'bic': return msg('BIC');
    case 'bankName': return msg('Bank');
    case 'correspondentAccount': return msg('Correspondent account');
    case 'settlementAccount': return msg('Settlement account');
    case 'personalAccount': return msg('Personal account');
    case 'swift': return msg('SWIFT code');
    case 'accountNumber': return msg('Account number (IBAN)');
    case 'legalAddress': return msg('Legal address');
    case 'actualAddress': return msg('Actual address');
    case 'postalAddress': return msg('Postal address');
    case 'email': return msg('Email');
    case 'phone': return type === 'individual' || !type ? msg('Mobile phone') : msg('Phone');
    case 'fax': return msg('Fax');
    case 'contactPerson': return msg('Contact person');
    case 'contactEmail': return msg('Contact email');
    case 'contactPhone': return msg('Contact phone number');
    case 'documentsDelivery': return msg('How you receive original documents');
    case 'discount': return msg('Personal discount');
    case 'verification': return msg('Company verification');
    default: return field;
  }
}

export function addressPartLabel(part: string): string {
  switch (part) {
    case 'country': return msg('Country');
    case 'region': return msg('Region');
    case 'city': return msg('City');
    case 'postcode': return msg('Postcode');
    case 'line1': return msg('Address');
    default: return msg('Address, line 2');
  }
}

/** A label for any path: `legalAddress.city` -> "Legal address: City". */
export function pathLabel(path: string, type?: Profile['accountType'], custom?: (id: string) => string | undefined): string {
  const [head = '', part] = path.split('.');
  if (head === 'custom' && part) return custom?.(part) ?? part;
  return part ? `${fieldLabel(head, type)}: ${addressPartLabel(part)}` : fieldLabel(head, type);
}

export function residencyLabel(residency: string | undefined): string {
  return residency === 'non_resident' ? msg('Non-resident of Russia') : msg('Resident of Russia');
}

export function deliveryLabel(v: string): string {
  switch (v) {
    case 'edo': return msg('Electronic document exchange (EDO)');
    case 'post': return msg('By post');
    case 'courier': return msg('By courier');
    case 'pickup': return msg('Pick up at the office');
    default: return msg('Not chosen');
  }
}

export function verificationLabel(v: string | undefined): string {
  switch (v) {
    case 'verified': return msg('Verified');
    case 'pending': return msg('Waiting for verification');
    case 'rejected': return msg('Verification failed: contact support');
    default: return msg('Not verified');
  }
}
