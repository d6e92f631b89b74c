/**
 * Password policy after NIST SP 800-63B-4: a minimum length (15 code points for a password-only
 * account, 8 with a second factor, or the host's policy), at least 64 allowed, no composition
 * rules, a blocklist of common passwords and no username or email inside. Length is counted in
 * code points, as the user sees characters (an emoji counts once). The value is never changed:
 * what the user typed is what is sent and hashed.
 *
 * The blocklist makes this module ~11 KB gzip: elements import it lazily (`@acct/core/password`).
 */
import { COMMON_PASSWORDS_TEXT } from './common-passwords.js';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.js';

export * from './password-policy.js';

export type PasswordReason = 'required' | 'too_short' | 'too_long' | 'common' | 'contains_user_input';

export interface PasswordOptions {
  /** Username, email and similar values the password must not contain (case-insensitive). */
  userInputs?: readonly (string | undefined | null)[];
  /** Default {@link PASSWORD_MIN_LENGTH}; see {@link passwordMinLength}. */
  minLength?: number;
  maxLength?: number;
}

export type PasswordResult = { ok: true; value: string } | { ok: false; reason: PasswordReason };

let blocklist: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  blocklist ??= new Set(COMMON_PASSWORDS_TEXT.split('\n'));
  return blocklist;
}

/** Length in code points (`'🔑'.length` is 2 in JavaScript, one character to a person). */
export function passwordLength(v: string): number {
  let n = 0;
  for (const _ of v) n++;
  return n;
}

function fold(v: string): string {
  return v.normalize('NFKC').toLowerCase();
}

/** The user's own values worth looking for: whole values and the local part of an email. */
function userFragments(inputs: PasswordOptions['userInputs']): string[] {
  const out = new Set<string>();
  for (const raw of inputs ?? []) {
    if (typeof raw !== 'string') continue;
    const v = fold(raw.trim());
    // Very short values (`a`, `jo`) would match almost any password.
    if (passwordLength(v) >= 3) out.add(v);
    const at = v.indexOf('@');
    if (at >= 3) out.add(v.slice(0, at));
  }
  return [...out];
}

/** Whether the password is on the bundled list of common passwords (case-insensitive). */
export function isCommonPassword(v: string): boolean {
  return commonPasswords().has(fold(v));
}

export function validatePassword(v: string, o: PasswordOptions = {}): PasswordResult {
  if (typeof v !== 'string' || v === '') return { ok: false, reason: 'required' };
  const length = passwordLength(v);
  if (length < (o.minLength ?? PASSWORD_MIN_LENGTH)) return { ok: false, reason: 'too_short' };
  if (length > (o.maxLength ?? PASSWORD_MAX_LENGTH)) return { ok: false, reason: 'too_long' };
  if (isCommonPassword(v)) return { ok: false, reason: 'common' };
  const folded = fold(v);
  if (userFragments(o.userInputs).some((f) => folded.includes(f))) return { ok: false, reason: 'contains_user_input' };
  return { ok: true, value: v };
}

/** What a strength meter says, as stable codes the elements put into words. */
export type PasswordFeedback = PasswordReason | 'repeated' | 'sequence' | 'common_base' | 'long_enough' | 'passphrase';

export interface PasswordStrength {
  /** 0 (refused or trivially guessed) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Rough guessing resistance in bits, after the patterns below were discounted. */
  bits: number;
  length: number;
  minLength: number;
  feedback: PasswordFeedback[];
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', 'йцукенгшщзх', 'фывапролдж', 'ячсмитьбю'];

function hasSequence(chars: string[]): boolean {
  const codes = chars.map((c) => c.codePointAt(0) ?? 0);
  let run = 1;
  for (let i = 1; i < codes.length; i++) {
    const d = codes[i] - codes[i - 1];
    const prev = i > 1 ? codes[i - 1] - codes[i - 2] : d;
    run = (d === 1 || d === -1) && d === prev ? run + 1 : d === 1 || d === -1 ? 2 : 1;
    if (run >= 4) return true;
  }
  const lower = chars.join('').toLowerCase();
  return KEYBOARD_ROWS.some((row) => {
    for (let i = 0; i + 4 <= row.length; i++) if (lower.includes(row.slice(i, i + 4))) return true;
    return false;
  });
}

function charsetSize(chars: string[]): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  let other = false;
  for (const c of chars) {
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '0' && c <= '9') digit = true;
    else if (c.charCodeAt(0) < 128) symbol = true;
    else other = true;
  }
  return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 64 : 0);
}

/**
 * A strength estimate that explains itself: bits from length and alphabet, discounted for
 * repeats, runs and common passwords inside, with a feedback code for each finding. Meant for
 * a meter as the user types; {@link validatePassword} alone decides what is accepted.
 */
export function estimatePasswordStrength(v: string, o: PasswordOptions = {}): PasswordStrength {
  const minLength = o.minLength ?? PASSWORD_MIN_LENGTH;
  const chars = [...v];
  const length = chars.length;
  const feedback: PasswordFeedback[] = [];
  const verdict = validatePassword(v, o);
  if (!verdict.ok) feedback.push(verdict.reason);

  // Repeated characters add little: count a run of the same character as two.
  let effective = 0;
  let repeated = false;
  for (let i = 0; i < length; i++) {
    const runOf = i >= 2 && chars[i] === chars[i - 1] && chars[i] === chars[i - 2];
    if (runOf) repeated = true;
    else effective++;
  }
  // The same chunk over and over (`abcabcabc`): one chunk is all an attacker guesses.
  const chunk = /^(.+?)\1+$/su.exec(v);
  if (chunk && passwordLength(chunk[1]) * 2 <= length) {
    repeated = true;
    effective = Math.min(effective, passwordLength(chunk[1]) + 1);
  }
  if (repeated) feedback.push('repeated');
  const sequence = hasSequence(chars);
  if (sequence) {
    feedback.push('sequence');
    effective = Math.max(1, effective - 3);
  }
  const folded = fold(v);
  let commonBase = false;
  if (verdict.ok || verdict.reason !== 'common') {
    for (const word of commonPasswords()) {
      if (word.length >= 6 && folded.includes(word)) {
        commonBase = true;
        effective = Math.max(1, effective - passwordLength(word) + 2);
        break;
      }
    }
  }
  if (commonBase) feedback.push('common_base');

  const words = v.trim().split(/\s+/u).filter((w) => passwordLength(w) >= 3);
  const passphrase = words.length >= 4;
  const bits = Math.round(effective * Math.log2(Math.max(charsetSize(chars), 10)) + (passphrase ? 8 : 0));
  let score: PasswordStrength['score'] = bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  if (repeated || sequence || commonBase) score = Math.min(score, 2) as PasswordStrength['score'];
  if (!verdict.ok) score = 0;
  else {
    if (passphrase) feedback.push('passphrase');
    if (length >= minLength) feedback.push('long_enough');
  }
  return { score, bits, length, minLength, feedback };
}
