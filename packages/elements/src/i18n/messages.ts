import { msg, str } from '@lit/localize';
import type { AdapterError } from '@acct/core';

/** A translated sentence for every adapter error code. */
export function errorMessage(error: Pick<AdapterError, 'code' | 'retryAfter'>): string {
  switch (error.code) {
    case 'validation':
      return msg('Some fields need attention. Check the messages next to them.');
    case 'conflict':
      return msg('These settings were changed somewhere else while you were editing.');
    case 'forbidden':
      return msg('You do not have permission to do this.');
    case 'unauthenticated':
      return msg('Your session has ended. Sign in again and retry.');
    case 'not_found':
      return msg('This item no longer exists.');
    case 'rate_limited': {
      const seconds = Math.ceil(error.retryAfter ?? 0);
      return seconds > 0
        ? msg(str`Too many attempts. Try again in ${seconds} s.`)
        : msg('Too many attempts. Try again a little later.');
    }
    case 'reauth_required':
      return msg('Confirm it is you to continue.');
    case 'network':
      return msg('No connection to the server. Check your network and retry.');
    case 'timeout':
      return msg('The server took too long to answer. Retry in a moment.');
    case 'unavailable':
      return msg('The service is temporarily unavailable. Retry in a moment.');
    case 'invalid_response':
      return msg('The server sent an answer we could not read. Retry, or contact support if it repeats.');
    default:
      return msg('Something went wrong. Retry, or contact support if it repeats.');
  }
}

/** Shown by an element whose sub-API the host's adapter does not implement. */
export function missingApiMessage(name: string): string {
  return msg(str`This section is not available: the account adapter has no "${name}" API.`);
}

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
    case 'too_large':
      return msg('This amount is too large.');
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
