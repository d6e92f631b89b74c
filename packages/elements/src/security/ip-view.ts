import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { SecuritySettings } from '@acct/core';
import {
  ipRulesAllow,
  isIpRuleWarning,
  normaliseIp,
  parseIpRules,
  parseIpRulesInSlices,
  type IpRuleError,
  type ParsedIpRules,
} from '@acct/core/ip';
import { deepEqual } from '../base/paths.js';
import type { SettingsController } from '../base/settings-controller.js';
import { renderBanner } from '../ui/field.js';
import { ConfirmController, type ConfirmOptions } from '../ui/confirm.js';

/**
 * The IP allow-list's parser (ipaddr.js), its editing and the part of the card that needs its
 * result, as one lazy chunk: loaded when acct-security connects, while the card and its textarea
 * paint at once. Nothing here can run before the parser is in, so none of it is in the entry.
 */

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

/** Longer lists are checked in slices between which the page stays responsive (issue 10). */
const LONG_LIST = 2000;

function isLong(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++n >= LONG_LIST) return true;
  return false;
}

/**
 * How long typing must pause before new problems in the list are shown. Findings appear after a
 * pause, on leaving the field or on Save, not on every keystroke: a half-typed address is not an
 * error yet, and the list below the field does not jump while the user types (issue 10). Once a
 * problem is on screen, the findings follow every keystroke, so a fix shows at once.
 */
const TYPING_PAUSE = 500;

/**
 * One character typed or deleted, as opposed to a paste, a drop, autocomplete, a dictation result
 * or a script setting the whole value: those are complete edits and are checked at once.
 */
function isKeystroke(e: Event | undefined): boolean {
  if (!(e instanceof InputEvent)) return false;
  const type = e.inputType;
  return (type === 'insertText' && (e.data?.length ?? 0) <= 1) || type === 'insertLineBreak' || type.startsWith('delete');
}

/** What the IP list's editor uses of acct-security (which keeps the field's text itself). */
export interface IpListHost {
  readonly element: ReactiveControllerHost & HTMLElement;
  readonly settings: SettingsController<SecuritySettings>;
  /** The address the user is on now, once the viewer has arrived. */
  currentIp(): string | undefined;
  /** The list as the text area shows it: what the user typed while it means the draft's lines. */
  text(d: SecuritySettings): string;
  /** Puts a whole new text into the field and the draft, as an edit of the user's. */
  edit(text: string): void;
  announce(text: string): void;
}

/** What the card shows about the list besides its text, for the element's template. */
export interface IpFindings {
  /** A line cannot be used (the field is invalid). */
  bad: boolean;
  /** Problem lines are listed under the field (`#ipRules-lines`). */
  listed: boolean;
  /** No rules and nothing bad: billing is open from any address. */
  empty: boolean;
  /** A long list is being checked in slices; Save waits for it. */
  checking: boolean;
  lines: TemplateResult | typeof nothing;
  /** The lockout warning, shown instead of the current address. */
  lockout: TemplateResult | undefined;
  /** The address the user is on, normalised. */
  current: string | undefined;
}

/**
 * Checking the IP list while it is edited: parsing (in slices for long lists), holding findings
 * back while the user types, the lockout check with "Add my current IP", and what Save must wait
 * for or ask. acct-security creates it when this chunk arrives; until then it keeps what is typed.
 */
export class IpListEditor implements ReactiveController {
  readonly #host: IpListHost;
  #parsed: { text: string; result: ParsedIpRules } | undefined;
  /** A long list being checked in slices; Save waits for it. */
  #checking: { text: string; abort: AbortController; done: Promise<void> } | undefined;
  #viewCache: { text: string; ip: string | undefined; view: string } | undefined;
  #lockoutMemo: { text: string; ip: string | undefined; result: { ip?: string } | undefined } | undefined;
  /** While the user types into a list with no problem on screen: the text whose findings stay shown. */
  #held: { text: string; typed: string } | undefined;
  #pause: ReturnType<typeof setTimeout> | undefined;
  /** The question before saving a list that locks the user out, on first need. */
  #confirm: ConfirmController | undefined;

  constructor(host: IpListHost) {
    this.#host = host;
    host.element.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#pause);
    this.#held = undefined;
  }

  /** Undefined while a long list is being checked in slices (it re-renders when done). */
  #parse(text: string): ParsedIpRules | undefined {
    if (this.#parsed?.text === text) return this.#parsed.result;
    if (isLong(text)) {
      this.#check(text);
      return undefined;
    }
    this.#parsed = { text, result: parseIpRules(text) };
    return this.#parsed.result;
  }

  /** The result now, parsing at once if the sliced check has not finished (Save never guesses). */
  #parseNow(text: string): ParsedIpRules {
    return this.#parse(text) ?? (this.#parsed = { text, result: parseIpRules(text) }).result;
  }

  #check(text: string): void {
    if (this.#checking?.text === text) return;
    this.#checking?.abort.abort();
    const abort = new AbortController();
    const done = parseIpRulesInSlices(text, { signal: abort.signal }).then(
      (result) => {
        if (this.#checking?.abort !== abort) return;
        this.#parsed = { text, result };
        this.#checking = undefined;
        // What was worked out while the check ran assumed no result yet.
        this.#viewCache = this.#lockoutMemo = undefined;
        this.#host.element.requestUpdate();
      },
      () => undefined, // Superseded by a newer text.
    );
    this.#checking = { text, abort, done };
    this.#host.element.requestUpdate();
  }

  /** The settings' client-side errors (its `validate`). */
  errors(d: SecuritySettings): Record<string, string> {
    return listErrors(this.#parseNow(this.#host.text(d)));
  }

  /**
   * Called just before the field's text becomes `text` (typed when `e` is a keystroke): starts or
   * ends the hold, and returns `settings.input`'s test of whether the card shows more than the text.
   */
  beforeEdit(text: string, e?: Event): () => boolean {
    const d = this.#host.settings.draft;
    const shown = d ? this.#shownText(this.#host.text(d)) : '';
    const before = d ? this.#view(shown) : '';
    if (isKeystroke(e) && d && !this.#parse(shown)?.errors.length) {
      // Nothing wrong on screen: keep showing what was shown until the user pauses.
      this.#held = { text: shown, typed: text };
      clearTimeout(this.#pause);
      this.#pause = setTimeout(() => this.showFindings(), TYPING_PAUSE);
      return () => false;
    }
    this.showFindings(false);
    return () => this.#view(text) !== before;
  }

  /** The text whose findings are on screen: the one before the keystrokes still held, else `text`. */
  #shownText(text: string): string {
    // A draft replaced meanwhile (Discard, a conflict resolved) ends the hold.
    return this.#held?.typed === text ? this.#held.text : text;
  }

  /** Ends a hold (a pause in typing, the field left, Save); renders when it was on. */
  showFindings(render = true): void {
    clearTimeout(this.#pause);
    if (!this.#held) return;
    this.#held = undefined;
    if (render) this.#host.element.requestUpdate();
  }

  /** {@link ipViewKey} of a text, for the address the user is on (the viewer may arrive later). */
  #view(text: string): string {
    const ip = this.#host.currentIp();
    if (this.#viewCache?.text === text && this.#viewCache.ip === ip) return this.#viewCache.view;
    const parsed = this.#parse(text);
    const view = parsed ? ipViewKey(text, parsed, this.#lockoutFor(text)) : this.#checking ? '…' : '';
    this.#viewCache = { text, ip, view };
    return view;
  }

  #addCurrentIp(): void {
    const ip = normaliseIp(this.#host.currentIp() ?? '');
    const d = this.#host.settings.draft;
    if (!ip || !d) return;
    const text = this.#host.text(d);
    this.#host.edit(text.trim() ? `${text.replace(/\s+$/, '')}\n${ip}` : ip);
    this.#host.announce(msg(str`${ip} was added to the list.`));
  }

  /** Non-empty, valid, and the address the user is on now is not in it. */
  #lockoutFor(text: string): { ip?: string } | undefined {
    const ip = this.#host.currentIp();
    const memo = this.#lockoutMemo;
    if (memo && memo.text === text && memo.ip === ip) return memo.result;
    const parsed = this.#parse(text);
    const result = parsed && findLockout(parsed, ip);
    this.#lockoutMemo = { text, ip, result };
    return result;
  }

  /**
   * Before Save: shows the findings held back, waits for a sliced check, and asks before saving a
   * list that locks the user out. False when the save should not go on.
   */
  async confirmSave(): Promise<boolean> {
    const s = this.#host.settings;
    this.showFindings();
    // A long list still being checked: Save is disabled meanwhile, but Enter or a script may get here.
    while (this.#checking) await this.#checking.done;
    const d = s.draft;
    if (!d || !s.canSave) return false;
    const lockout = deepEqual(d.ipRules, s.saved?.ipRules) ? undefined : this.#lockoutFor(this.#host.text(d));
    return !lockout || (this.#confirm ??= new ConfirmController(this.#host.element)).ask(lockoutQuestion(lockout));
  }

  /** What the card shows about `text` (the field's text) besides the text itself. */
  findings(text: string): IpFindings {
    // The findings are about the text before a run of keystrokes, until a pause.
    const shown = this.#shownText(text);
    const parsed = this.#parse(shown);
    const errors = parsed?.errors ?? [];
    const bad = errors.some((e) => !isIpRuleWarning(e.reason));
    const lockout = this.#lockoutFor(shown);
    const ip = this.#host.currentIp();
    return {
      bad,
      listed: errors.length > 0,
      empty: parsed?.rules.length === 0 && !bad,
      checking: !!this.#checking,
      lines: renderIpLines(shown, errors),
      lockout: lockout && renderLockout(lockout, () => this.#addCurrentIp()),
      current: ip ? (normaliseIp(ip) ?? ip) : undefined,
    };
  }

  /** The lockout question's dialog, once asked. */
  renderDialog(): TemplateResult | typeof nothing {
    return this.#confirm?.render() ?? nothing;
  }
}
