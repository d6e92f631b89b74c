/**
 * The forms of acct-security behind its "Change" / "Set" / "Turn on" buttons, as one lazy chunk:
 * loaded when the user points at or focuses the element, or at the latest on the click.
 */
export { PasswordForm } from './password-form.js';
export { CodeWordForm } from './code-word-form.js';
export { TwoFactorForm } from './two-factor-form.js';
export { LeaveSignal } from './form-host.js';
