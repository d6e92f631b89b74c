import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ipRulesAllow, isIpRuleWarning, normaliseIp, type IpRuleError, type ParsedIpRules } from '@acct/core/ip';
import { renderBanner } from '../ui/field.js';
import type { ConfirmOptions } from '../ui/confirm.js';

export { ConfirmController } from '../ui/confirm.js';

/**
 * The IP allow-list's parser (ipaddr.js) and the part of the card that needs its result, as one
 * lazy chunk: loaded when acct-security connects, while the card and its textarea paint at once.
 */
export { ipRulesAllow, isIpRuleWarning, normaliseIp, parseIpRules, parseIpRulesInSlices } from '@acct/core/ip';

/** At most this many line messages are listed; the rest is counted (a 10,000-line paste stays fast). */
const MAX_LISTED = 50;

/** A bad or flagged line of the IP list, as a sentence. */
function ipReasonMessage(e: IpRuleError): string {
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

/**
 * What the card shows about a list besides the text itself (problem lines, the empty-list note,
 * the lockout warning), as a string: a keystroke that leaves it unchanged needs no render.
 */
export function ipViewKey(text: string, { rules, errors }: ParsedIpRules, lockout: { ip?: string } | undefined): string {
  const lines = errors.length ? text.split(/\r\n|\r|\n/) : [];
  const listed = errors.slice(0, MAX_LISTED).map((e) => [e.line, e.reason, (lines[e.line - 1] ?? '').trim()]);
  return JSON.stringify([rules.length === 0, errors.length, errors.filter((e) => !isIpRuleWarning(e.reason)).length, listed, lockout ? (lockout.ip ?? '?') : 0]);
}

/** The problem lines under the textarea, each with its number and reason. */
export function renderIpLines(text: string, errors: IpRuleError[]): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  const lines = text.split(/\r\n|\r|\n/);
  const bad = errors.filter((e) => !isIpRuleWarning(e.reason)).length;
  const warnings = errors.length - bad;
  return html`<div id="ipRules-lines">
    <p class=${bad ? 'error' : 'muted'}>
      ${bad ? msg(str`${bad} of the lines cannot be used.`) : nothing} ${warnings ? msg(str`${warnings} of the lines need a second look.`) : nothing}
    </p>
    <ul class="lines">
      ${errors.slice(0, MAX_LISTED).map(
        (e) => html`<li class=${isIpRuleWarning(e.reason) ? 'warning' : 'bad'}>
          ${msg(str`Line ${e.line}:`)} <code>${(lines[e.line - 1] ?? '').trim()}</code> — ${ipReasonMessage(e)}
        </li>`,
      )}
    </ul>
    ${errors.length > MAX_LISTED ? html`<p class="muted">${msg(str`And ${errors.length - MAX_LISTED} more.`)}</p>` : nothing}
  </div>`;
}

/** The settings' client-side errors for a list with unusable lines. */
export function listErrors({ errors }: ParsedIpRules): Record<string, string> {
  return errors.some((e) => !isIpRuleWarning(e.reason))
    ? { ipRules: msg('Some lines are not valid IP addresses, networks or ranges. Fix the lines listed below.') }
    : {};
}

/**
 * Whether saving the list would lock the user out: it is non-empty, valid, and the address they
 * are on now (`ip` undefined when unknown) is not in it.
 */
export function findLockout({ rules, errors }: ParsedIpRules, currentIp: string | undefined): { ip?: string } | undefined {
  if (!rules.length || errors.some((e) => !isIpRuleWarning(e.reason))) return undefined;
  if (currentIp && ipRulesAllow(rules, currentIp)) return undefined;
  return { ip: currentIp ? (normaliseIp(currentIp) ?? currentIp) : undefined };
}

/** The warning under a list that would lock the user out, with a button to add their address. */
export function renderLockout(lockout: { ip?: string }, addCurrentIp: () => void): TemplateResult {
  return renderBanner(
    'warning',
    lockout.ip
      ? msg(str`Your current IP address ${lockout.ip} is not in this list. Saving it would lock you out of billing from here.`)
      : msg('We cannot tell your current IP address. Make sure the list includes it before saving.'),
    lockout.ip ? html`<button type="button" part="button" @click=${addCurrentIp}>${msg('Add my current IP')}</button>` : undefined,
  );
}

/** The question before saving such a list anyway. */
export function lockoutQuestion(lockout: { ip?: string }): ConfirmOptions {
  return {
    heading: msg('Save a list without your address?'),
    body: lockout.ip
      ? msg(str`Your current IP address ${lockout.ip} is not in the list. After saving, billing will refuse requests from this address, and you may lose access to it.`)
      : msg('We cannot tell your current IP address. If it is not in the list, billing will refuse your requests after saving.'),
    confirmLabel: msg('Save anyway'),
    danger: true,
  };
}
