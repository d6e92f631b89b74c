import { msg, str } from '@lit/localize';
import type { PasswordFeedback, PasswordStrength } from '@acct/core';

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
