import { msg } from '@lit/localize';
import { setFieldMessages } from './messages.js';

// The sentences for field reason codes are needed only once the user has edited, acted or saved,
// so they are a chunk (issue 10): the forms and flows import them from here, the controllers in
// the element's entry through messages.ts's `fieldMessage`, which asks for this chunk.

/**
 * Server and client field errors are stable reason codes (`too_small`, `wrong_password`) that we
 * translate here; anything else is a host's own message and is shown as sent (as text).
 */
export function fieldErrorMessage(reason: string): string {
  switch (reason) {
    case 'required':
      return msg('Fill in this field.');
    case 'invalid':
    case 'invalid_value':
    case 'invalid_format':
    case 'invalid_string':
    case 'invalid_type':
      return msg('This value is not valid.');
    case 'too_small':
      return msg('This value is too small.');
    case 'too_big':
      return msg('This value is too large.');
    case 'too_short':
      return msg('This is too short.');
    case 'too_long':
      return msg('This is too long.');
    case 'unsupported':
      return msg('This option is not available.');
    case 'read_only':
      return msg('This field cannot be changed here.');
    case 'wrong_password':
      return msg('That password is not correct.');
    case 'wrong_code':
      return msg('That code is not correct.');
    case 'mismatch':
      return msg('The values do not match.');
    case 'same_as_current':
      return msg('The new value is the same as the current one.');
    case 'empty':
      return msg('Enter a value.');
    case 'not_a_number':
      return msg('Enter an amount, for example 1500.50.');
    case 'negative':
      return msg('The amount cannot be negative.');
    case 'too_precise':
      return msg('Too many digits after the decimal point for this currency.');
    case 'whole_amount':
      return msg('This currency has no fractional units: enter a whole amount.');
    case 'too_large':
      return msg('This amount is too large.');
    case 'grouping':
      // `1,50` in en: most likely a decimal mark typed for another language; say so, not 150.
      return msg('Check the separators between the digits: this language writes an amount like 1,500.50.');
    case 'invalid_email':
      return msg('Enter an email address like name@example.com.');
    case 'unchanged':
      return msg('This is already your current value.');
    case 'already_confirmed':
      return msg('This address is already confirmed.');
    case 'invalid_phone':
      return msg('Enter a full phone number with the area code.');
    case 'not_mobile':
      return msg('This is not a mobile number: SMS cannot be delivered to it.');
    case 'invalid_country':
      return msg('Choose a country from the list.');
    case 'unknown_field':
      return msg('The server does not accept this field.');
    case 'already_member':
      return msg('This person is already a user of the account.');
    case 'in_past':
      return msg('Choose a date in the future.');
    default:
      return reason;
  }
}

setFieldMessages(fieldErrorMessage);
