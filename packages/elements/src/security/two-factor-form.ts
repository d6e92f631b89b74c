import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { parseResponse, RecoveryCodes, TwoFactorEnrolment } from '@acct/core';
import { LightInput } from '../base/light-input.js';
import { ActionKey } from '../base/action-key.js';
import { renderBanner } from '../ui/field.js';
import { errorMessage } from '../i18n/messages.js';
import { qrPath, type QrPath } from './qr.js';
import { adoptFormStyles, fail, keepFocus, lightField, type ActionState, type SecurityFormHost } from './form-host.js';

const CODE = /^\d{6}$/;

type TwoFactorStep =
  | { step: 'idle' }
  | { step: 'enrol'; secret: string; qr?: QrPath }
  | { step: 'codes'; codes: string[] }
  | { step: 'disable' };

/**
 * Two-factor (TOTP) enrolment with a locally drawn QR code, the recovery codes shown once, and
 * turning it off with a code. Loaded when the user first asks to turn it on or off; the element
 * keeps the status row (the idle step) and the form around it.
 */
export class TwoFactorForm implements ReactiveController {
  readonly #code: LightInput;
  #tf: TwoFactorStep = { step: 'idle' };
  #error = '';
  #action: ActionState = { busy: false };
  #copied = '';
  /** One key per start, and per code sent: a retry after a lost answer repeats the same action. */
  readonly #startKey = new ActionKey();
  readonly #key = new ActionKey();

  constructor(private readonly host: SecurityFormHost) {
    const el = host.element;
    el.addController(this);
    adoptFormStyles(el.shadowRoot);
    this.#code = new LightInput(el, { slot: 'tf-code', name: 'code', type: 'text', autocomplete: 'one-time-code', inputMode: 'numeric' });
    this.#code.on('input', () => this.#key.reset());
  }

  /** Whether a step other than the status row is on screen. */
  get isOpen(): boolean {
    return this.#tf.step !== 'idle';
  }

  /** Starting the enrolment (the status row's button shows it). */
  get busy(): boolean {
    return this.#action.busy;
  }

  hostDisconnected(): void {
    // Secrets do not outlive the element on the page.
    this.#code.clear();
    if (this.#tf.step !== 'idle') this.#tf = { step: 'idle' };
  }

  #set(tf: TwoFactorStep): void {
    this.#tf = tf;
    this.host.element.requestUpdate();
  }

  /** Asks for a code to turn two-factor authentication off. */
  disable(): void {
    this.#set({ step: 'disable' });
    void keepFocus(this.host, () => this.#code.input);
  }

  async start(): Promise<void> {
    const host = this.host;
    const security = host.api('security');
    if (!security || this.#action.busy) return;
    this.#action = { busy: true };
    this.#error = '';
    this.#set(this.#tf);
    const signal = host.leaveSignal;
    try {
      const enrolment = parseResponse(TwoFactorEnrolment, await host.run(() => security.startTwoFactor({ signal, idempotencyKey: this.#startKey.key() })));
      this.#startKey.reset();
      this.#action = { busy: false };
      this.#set({ step: 'enrol', secret: enrolment.secret });
      // The step's heading, so its instructions are read from the start; the QR code follows.
      void keepFocus(host, 'tf-step', true);
      const qr = await qrPath(enrolment.otpauthUri);
      const tf = this.#tf;
      if (tf.step === 'enrol' && tf.secret === enrolment.secret) this.#set({ ...tf, qr });
    } catch (e) {
      this.#action = { busy: false, error: fail(host, 'startTwoFactor', e) };
      this.#set(this.#tf);
      // Back on the button, enabled again; the error is an alert of its own.
      void this.#focusStatus(true);
    }
  }

  async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const host = this.host;
    const security = host.api('security');
    const step = this.#tf.step;
    if (!security || this.#action.busy || (step !== 'enrol' && step !== 'disable')) return;
    const code = this.#code.input.value.replace(/\s+/g, '');
    // Disabling also takes a recovery code, which is not six digits.
    if (step === 'enrol' ? !CODE.test(code) : !code) {
      this.#error = msg('Enter the 6-digit code from your authenticator app.');
      this.#set(this.#tf);
      void this.#focusCode();
      return;
    }
    this.#error = '';
    this.#action = { busy: true };
    this.#set(this.#tf);
    const signal = host.leaveSignal;
    try {
      if (step === 'enrol') {
        const result = parseResponse(RecoveryCodes, await host.run(() => security.confirmTwoFactor(code, { signal, idempotencyKey: this.#key.key() })));
        this.#set({ step: 'codes', codes: result.recoveryCodes });
        void keepFocus(host, 'tf-step', true);
        host.announce(msg('Two-factor authentication is on. Save your recovery codes now.'));
      } else {
        await host.run(() => security.disableTwoFactor(code, { signal, idempotencyKey: this.#key.key() }));
        this.#set({ step: 'idle' });
        void this.#focusStatus(true);
        host.announce(msg('Two-factor authentication is off.'));
      }
      this.#code.clear();
      this.#key.reset();
      this.#action = { busy: false };
      host.emit('acct-saved', { section: 'security.twoFactor', data: { enabled: step === 'enrol' } });
      host.reload();
    } catch (e) {
      const error = fail(host, step === 'enrol' ? 'confirmTwoFactor' : 'disableTwoFactor', e);
      this.#action = { busy: false, error: error && error.code !== 'validation' ? error : undefined };
      if (error?.code === 'validation') {
        this.#code.clear();
        this.#key.reset();
        this.#error = msg('That code is not correct. Codes change every 30 seconds; enter the current one.');
      }
      this.#set(this.#tf);
      // Submit was disabled while the code was checked: back to the code, with its error described.
      if (error) void this.#focusCode(true);
    }
  }

  #cancel(): void {
    this.#error = '';
    this.#action = { busy: false };
    this.#code.clear();
    this.#key.reset();
    this.#startKey.reset();
    this.#set({ step: 'idle' });
    void this.#focusStatus();
  }

  /** After the render, so the input already names its error in `aria-describedby`. */
  #focusCode(afterRequest = false): Promise<void> {
    return keepFocus(this.host, () => this.#code.input, afterRequest);
  }

  /** Back on the status row: focus its button (turn on or off), not the page's start. */
  #focusStatus(afterRequest = false): Promise<void> {
    return keepFocus(this.host, () => this.host.element.shadowRoot?.querySelector<HTMLElement>('#tf-on, #tf-off'), afterRequest);
  }

  async #copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.#copied = what;
      this.host.announce(msg('Copied.'));
    } catch {
      this.host.announce(msg('Copying is not allowed here. Select the text and copy it yourself.'));
    }
  }

  /** A text file made in the page (Blob URL): the codes never travel over the network. */
  #download(codes: string[]): void {
    const header = msg('Recovery codes. Each works once, when you cannot use your authenticator app.');
    const blob = new Blob([`${header}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'recovery-codes.txt';
    a.hidden = true;
    const root = this.host.element.shadowRoot ?? this.host.element;
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  /**
   * The section's body for the current step; `idle` is the element's status row, shown as given.
   * Followed by the error of the last action and, while a code is asked for, the form's buttons.
   */
  render(idle: TemplateResult): TemplateResult {
    const tf = this.#tf;
    const a = this.#action;
    const needsCode = tf.step === 'enrol' || tf.step === 'disable';
    if (needsCode) this.#code.attach(tf.step === 'enrol' ? msg('6-digit code') : msg('Code from your authenticator app or a recovery code'), this.#error);
    else this.#code.detach();
    let body: unknown = idle;
    if (tf.step === 'enrol') {
      body = html`<h3 id="tf-step">${msg('Set up your authenticator app')}</h3>
        <ol class="stack">
          <li>
            <p>${msg('Scan this QR code with an authenticator app (such as Aegis, Google Authenticator or 1Password).')}</p>
            ${tf.qr
              ? html`<svg class="qr" part="qr" viewBox="0 0 ${tf.qr.size} ${tf.qr.size}" shape-rendering="crispEdges" role="img" aria-label=${msg('QR code for your authenticator app')}><path d=${tf.qr.d}></path></svg>`
              : html`<p class="muted" aria-busy="true">${msg('Drawing the QR code…')}</p>`}
          </li>
          <li>
            <p>${msg('Or enter this key in the app by hand:')}</p>
            <p><code class="secret">${tf.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code></p>
            <button type="button" part="button" @click=${() => this.#copy(tf.secret, 'secret')}>
              ${this.#copied === 'secret' ? msg('Copied') : msg('Copy key')}
            </button>
          </li>
          <li>${msg('Enter the 6-digit code the app shows to finish.')}</li>
        </ol>
        ${lightField('tf-code')}`;
    } else if (tf.step === 'codes') {
      body = html`<h3 id="tf-step">${msg('Save your recovery codes')}</h3>
        ${renderBanner('warning', msg('Save these recovery codes now: they are shown only once. Each one signs you in once if you lose your phone.'))}
        <ul class="codes" aria-label=${msg('Recovery codes')}>
          ${tf.codes.map((c) => html`<li><code>${c}</code></li>`)}
        </ul>
        <div class="actions">
          <button type="button" part="button" @click=${() => this.#copy(tf.codes.join('\n'), 'codes')}>
            ${this.#copied === 'codes' ? msg('Copied') : msg('Copy codes')}
          </button>
          <button type="button" part="button" @click=${() => this.#download(tf.codes)}>${msg('Download codes')}</button>
          <button type="button" class="primary" part="button button-primary" @click=${() => {
              this.#set({ step: 'idle' });
              void this.#focusStatus();
            }}>
            ${msg('I have saved them')}
          </button>
        </div>`;
    } else if (tf.step === 'disable') {
      body = html`<p>${msg('To turn two-factor authentication off, confirm with a current code.')}</p>
        ${lightField('tf-code')}`;
    }
    return html`${body}
    ${a.error ? renderBanner('danger', errorMessage(a.error)) : nothing}
    ${needsCode
      ? html`<div class="actions">
          <button type="submit" class="primary" part="button button-primary" ?disabled=${a.busy}>
            ${tf.step === 'enrol' ? msg('Turn on') : msg('Turn off')}
          </button>
          <button type="button" part="button" @click=${() => this.#cancel()}>${msg('Cancel')}</button>
        </div>`
      : nothing}`;
  }
}
