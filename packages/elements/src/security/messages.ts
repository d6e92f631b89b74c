import { msg, str } from '@lit/localize';
import type { IpRuleError, PasswordFeedback, PasswordStrength } from '@acct/core';

/** A bad or flagged line of the IP list, as a sentence. */
export function ipReasonMessage(e: IpRuleError): string {
  switch (e.reason) {
    case 'leading_zeros':
      return msg('Leading zeros are not allowed: 010.0.0.1 would be read as 8.0.0.1. Write 10.0.0.1.');
    case 'ipv4_shorthand':
      return msg('Write IPv4 addresses in full, as four decimal numbers (127.0.0.1, not 127.1 or hex).');
    case 'zone_id':
      return msg('Zone ids (%eth0) are local to one computer; remove them.');
    case 'prefix_invalid':
      return msg('The prefix length after "/" must be 0–32 for IPv4 or 0–128 for IPv6.');
    case 'host_bits_set':
      return msg('This is not the first address of the network: the bits after the prefix must be zero.');
    case 'range_reversed':
      return msg('The range starts after it ends: put the lower address first.');
    case 'range_mixed_family':
      return msg('A range must have IPv4 or IPv6 addresses at both ends, not one of each.');
    case 'duplicate':
      return msg(str`Repeats line ${e.other ?? ''}.`);
    case 'contained':
      return msg(str`Already covered by line ${e.other ?? ''}.`);
    case 'allows_everyone':
      return msg('Allows every address: with it the list restricts nothing.');
    default:
      return msg('Not an IP address, network or range.');
  }
}

const LABELS = () => [msg('Too weak'), msg('Weak'), msg('Fair'), msg('Strong'), msg('Very strong')];

/** The meter's verdict in one word or two. */
export function strengthLabel(s: Pick<PasswordStrength, 'score'>): string {
  return LABELS()[s.score];
}

/** Why a password is refused or what the meter noticed, as a sentence. */
export function passwordFeedbackMessage(f: PasswordFeedback, minLength: number): string {
  switch (f) {
    case 'required':
      return msg('Enter a new password.');
    case 'too_short':
      return msg(str`Use at least ${minLength} characters. Length matters most; a few unrelated words work well.`);
    case 'too_long':
      return msg('This is too long. Use at most 256 characters.');
    case 'common':
      return msg('This is one of the most common passwords, which attackers try first.');
    case 'contains_user_input':
      return msg('It contains your username or email address, which attackers try first.');
    case 'repeated':
      return msg('Repeated characters or chunks add little.');
    case 'sequence':
      return msg('Sequences such as abcd, 1234 or qwerty are easy to guess.');
    case 'common_base':
      return msg('It is built on a common password; adding digits or symbols does not help much.');
    case 'passphrase':
      return msg('Several words together: good.');
    default:
      return msg('Long enough.');
  }
}
