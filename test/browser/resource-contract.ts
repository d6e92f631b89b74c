/**
 * The contract every list element (login history, API keys, users, privacy) passes: accessible
 * tables, loading skeleton, load error + retry, malformed response, a failed action keeps the
 * input and its retry reuses the idempotency key, reauth_required, no secret in events or logs,
 * hostile strings from the adapter rendered inert, and a missing sub-API named.
 */
import { createMemoryAdapter, DEMO_CREDENTIALS, type DeepPartial, type MemoryAdapter, type SampleAccount, type SampleAccountId } from '@acct/adapter-memory';
import type { TemplateResult } from 'lit';
import { expect, fixture, liveText, recordEvents, shadow, until } from './helpers.js';

export const HOSTILE = '<img src=x onerror="window.__acctPwned=1">';

export interface ResourceContractOptions {
  tag: string;
  /** Sub-API read on load (`apiKeys`) and the `section` of its load error. */
  domain: string;
  /** The method whose answer the element needs before it shows its content (`apiKeys.list`). */
  loadMethod: string;
  render: (adapter: MemoryAdapter) => TemplateResult;
  /** Sample account to start from (one whose data fills the element's tables). */
  account?: SampleAccountId;
  /** Holds once the content is shown. */
  ready: (el: HTMLElement) => unknown;
  /** One write the user starts through the UI. */
  action: {
    method: string;
    section: string;
    operation: string;
    /** Types the input (if the action has any). */
    fill?: (el: HTMLElement, adapter: MemoryAdapter) => Promise<void>;
    /** Presses the button(s), confirmations included. */
    submit: (el: HTMLElement) => Promise<void>;
    /** The typed input is still shown. */
    expectKept?: (el: HTMLElement) => void;
    expectDone: (adapter: MemoryAdapter) => void;
  };
  /** Seed data that puts `text` into every string the element shows (none: the element shows no adapter text). */
  hostile?: (text: string) => DeepPartial<SampleAccount>;
  /** False for elements without tables (home blocks, referral). */
  tables?: boolean;
  /** The event a successful action emits; `acct-saved` unless told. */
  savedEvent?: 'acct-saved' | 'acct-ticket-created';
  /** Holds once the element shows that the sub-API is missing; by default, the message naming it. */
  missing?: (el: HTMLElement) => unknown;
}

/** Sets a shadow-DOM control's value as typing would. */
export async function type(el: HTMLElement, selector: string, value: string): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`${selector} not found`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** The button whose text (or accessible label) matches. */
export function button(root: ParentNode, label: RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

/** Confirms the open ConfirmController dialog. */
export async function confirmDialog(el: HTMLElement): Promise<void> {
  await until(() => shadow(el).querySelector('dialog[open] button[value=confirm]'), 'confirmation dialog');
  shadow(el).querySelector<HTMLButtonElement>('dialog[open] button[value=confirm]')!.click();
}

export function alertText(el: HTMLElement): string {
  return [...shadow(el).querySelectorAll('[role=alert]')].map((n) => n.textContent ?? '').join(' ');
}

export function runResourceContract(o: ResourceContractOptions): void {
  describe(`${o.tag}: resource contract`, () => {
    let adapter: MemoryAdapter;

    async function mount(setup?: (a: MemoryAdapter) => void, data?: DeepPartial<SampleAccount>): Promise<HTMLElement> {
      adapter = createMemoryAdapter({ account: o.account, ...(data ? { data } : {}) });
      setup?.(adapter);
      const wrapper = await fixture(o.render(adapter));
      return (wrapper.localName === o.tag ? wrapper : wrapper.querySelector(o.tag)) as HTMLElement;
    }
    const ready = (el: HTMLElement) => until(() => o.ready(el), `${o.tag} content`);

    it('is accessible when ready, with labelled tables and scoped headers', async () => {
      const el = await mount();
      await ready(el);
      await expect(el).to.be.accessible();
      const tables = [...shadow(el).querySelectorAll('table')];
      if (o.tables !== false) expect(tables.length).to.be.greaterThan(0);
      for (const t of tables) {
        const labelled = t.querySelector('caption') !== null || !!shadow(el).getElementById(t.getAttribute('aria-labelledby') ?? '')?.textContent?.trim();
        expect(labelled, 'table has a caption or aria-labelledby').to.equal(true);
        for (const th of t.querySelectorAll('th')) expect(['col', 'row']).to.include(th.getAttribute('scope'));
      }
    });

    it('shows a skeleton while loading', async () => {
      const el = await mount((a) => a.control.hangNext({ method: o.loadMethod }));
      await until(() => shadow(el).querySelector('[aria-busy=true]'), 'skeleton');
      await expect(el).to.be.accessible();
    });

    it('shows a load error with a retry that works', async () => {
      const errors = recordEvents(document, ['acct-error']);
      const el = await mount((a) => a.control.failNext('network', { method: o.loadMethod }));
      await until(() => alertText(el), 'error banner');
      expect(alertText(el)).to.match(/connection/i);
      await expect(el).to.be.accessible();
      button(shadow(el), /retry/i).click();
      await ready(el);
      expect(errors.map((e) => e.detail)).to.deep.include({ section: o.domain, code: 'network', operation: 'load' });
    });

    it('turns a malformed response into a clear error', async () => {
      const el = await mount((a) => a.control.malformedNext({ method: o.loadMethod }));
      await until(() => alertText(el), 'error banner');
      expect(alertText(el)).to.match(/could not read/i);
    });

    it('keeps the input after a failed action, and the retry reuses the idempotency key', async () => {
      const el = await mount();
      await ready(el);
      const errors = recordEvents(el, ['acct-error']);
      await o.action.fill?.(el, adapter);
      adapter.control.failNext('unavailable', { method: o.action.method });
      await o.action.submit(el);
      await until(() => alertText(el), 'action error');
      expect(alertText(el)).to.match(/temporarily unavailable/i);
      o.action.expectKept?.(el);
      expect(errors.map((e) => e.detail)).to.deep.equal([{ section: o.action.section, code: 'unavailable', operation: o.action.operation }]);
      await o.action.submit(el);
      await until(() => adapter.control.calls.filter((c) => c.method === o.action.method).length === 2, 'second attempt');
      await until(() => !alertText(el), 'error cleared');
      o.action.expectDone(adapter);
      const keys = adapter.control.calls
        .filter((c) => c.method === o.action.method)
        .map((c) => (c.args[c.args.length - 1] as { idempotencyKey?: string }).idempotencyKey);
      expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    });

    it('treats a malformed answer to the action as an error, not as success', async () => {
      const el = await mount();
      await ready(el);
      const events = recordEvents(el, [o.savedEvent ?? 'acct-saved', 'acct-error']);
      await o.action.fill?.(el, adapter);
      adapter.control.malformedNext({ method: o.action.method });
      await o.action.submit(el);
      await until(() => events.length, 'action error');
      // Said next to the action, or (when the reload shows the write did happen and the action is
      // gone, as a request already made) announced.
      await until(() => /could not read/i.test(alertText(el) + liveText(el)), 'error shown');
      expect(events.map((e) => [e.type, e.detail])).to.deep.equal([
        ['acct-error', { section: o.action.section, code: 'invalid_response', operation: o.action.operation }],
      ]);
    });

    it('asks for the password on reauth_required, retries, and leaks it nowhere', async () => {
      const el = await mount();
      await ready(el);
      const saved = o.savedEvent ?? 'acct-saved';
      const events = recordEvents(el, [saved, 'acct-error']);
      await o.action.fill?.(el, adapter);
      adapter.control.requireReauth({ method: o.action.method });
      await o.action.submit(el);
      await until(() => el.querySelector('input[type=password]'), 'light-DOM password input');
      const input = el.querySelector<HTMLInputElement>('input[type=password]')!;
      expect(input.autocomplete).to.equal('current-password');
      await expect(el).to.be.accessible();
      input.value = DEMO_CREDENTIALS.password;
      shadow(el).querySelector<HTMLButtonElement>('dialog[open] button[type=submit]')!.click();
      await until(() => events.some((e) => e.type === saved), 'saved after reauth');
      o.action.expectDone(adapter);
      expect(input.value).to.equal('');
      expect(events.filter((e) => e.type === 'acct-error')).to.have.length(0);
      const everything = JSON.stringify(events.map((e) => e.detail)) + JSON.stringify(adapter.control.calls) + el.outerHTML + shadow(el).innerHTML + liveText(el);
      expect(everything).to.not.contain(DEMO_CREDENTIALS.password);
    });

    if (o.hostile) it('renders hostile strings from the adapter as inert text', async () => {
      const el = await mount(undefined, o.hostile!(HOSTILE));
      await ready(el);
      expect(shadow(el).textContent).to.contain(HOSTILE);
      expect(shadow(el).querySelector('img')).to.be.null;
      expect(shadow(el).querySelector('a[href^="javascript"]')).to.be.null;
      await new Promise((r) => setTimeout(r, 50));
      expect((window as { __acctPwned?: number }).__acctPwned).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('names the missing sub-API instead of failing', async () => {
      const full = createMemoryAdapter();
      const { [o.domain as 'users']: _gone, ...partial } = full;
      const wrapper = await fixture(o.render(partial as MemoryAdapter));
      const el = (wrapper.localName === o.tag ? wrapper : wrapper.querySelector(o.tag)) as HTMLElement;
      await until(() => (o.missing ? o.missing(el) : shadow(el).textContent?.includes(`no "${o.domain}" API`)), 'missing message');
    });
  });
}
