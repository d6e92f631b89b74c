/**
 * The contract every settings element passes (STYLE.md "shared contract suites"): loading,
 * error + retry, failed save keeps input, validation next to the field, conflict with a choice,
 * dirty guard, Save disabled while pristine or in flight, retries reuse the idempotency key,
 * malformed responses, hostile strings rendered inert, no secret in events.
 */
import { createMemoryAdapter, DEMO_CREDENTIALS, type MemoryAdapter } from '@acct/adapter-memory';
import type { TemplateResult } from 'lit';
import { changedPaths, getPath } from '../../packages/elements/src/base/paths.js';
import { expect, fixture, liveText, recordEvents, shadow, until } from './helpers.js';

export interface SettingsContractOptions {
  tag: string;
  /** The adapter domain and the element's event `section`. */
  domain: 'panel' | 'notifications' | 'billing' | 'security' | 'profile';
  /** Renders the element (inside a provider or with `.adapter`). */
  render: (adapter: MemoryAdapter) => TemplateResult;
  /** Makes one edit through the UI, as a user would. */
  edit: (el: HTMLElement) => Promise<void>;
  /** Asserts the edit is what the form shows. */
  expectEdited: (el: HTMLElement) => void;
  /** Asserts the adapter stored the edit. */
  expectStored: (adapter: MemoryAdapter) => void;
  /** A field path the server may reject, with a control of that `name` in the form. */
  field: string;
}

/** The element's own form, not the form inside a dialog. */
export const FORM = 'form:not([method=dialog])';

const ready = (el: HTMLElement) => until(() => shadow(el).querySelector(FORM), `${el.localName} form`);

function saveButton(el: HTMLElement): HTMLButtonElement {
  const b = shadow(el).querySelector<HTMLButtonElement>(`${FORM} button[type=submit]`);
  if (!b) throw new Error('no Save button');
  return b;
}

function alertText(el: HTMLElement): string {
  return [...shadow(el).querySelectorAll('[role=alert]')].map((n) => n.textContent ?? '').join(' ');
}

function button(el: HTMLElement, label: RegExp): HTMLButtonElement {
  const b = [...shadow(el).querySelectorAll('button')].find((x) => label.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${label}`);
  return b;
}

/** Focus is on the start of the content (a heading), not on <body> or a control that turned off. */
const onHeading = (el: HTMLElement) => () => document.activeElement === el && shadow(el).activeElement?.matches('h2, h3, [role=heading]');

/** Clicks as a user does: the control takes focus first, so where focus goes next is what a user meets. */
function press(b: HTMLButtonElement): void {
  b.focus();
  b.click();
}

export function runSettingsContract(o: SettingsContractOptions): void {
  describe(`${o.tag}: settings contract`, () => {
    let adapter: MemoryAdapter;

    async function mount(setup?: (a: MemoryAdapter) => void): Promise<HTMLElement> {
      adapter = createMemoryAdapter();
      setup?.(adapter);
      const wrapper = await fixture(o.render(adapter));
      return (wrapper.localName === o.tag ? wrapper : wrapper.querySelector(o.tag)) as HTMLElement;
    }

    it('is accessible when ready, Save is off while pristine, and a save is announced and stored', async () => {
      const el = await mount();
      await ready(el);
      await expect(el).to.be.accessible();
      expect(saveButton(el).disabled, 'Save while pristine').to.equal(true);
      const events = recordEvents(el, ['acct-saved', 'acct-dirty-change']);
      await o.edit(el);
      o.expectEdited(el);
      expect(saveButton(el).disabled, 'Save after an edit').to.equal(false);
      press(saveButton(el));
      await until(() => events.some((e) => e.type === 'acct-saved'), 'acct-saved');
      expect(liveText(el)).to.match(/saved/i);
      // Save turned off under the focus: it goes to the section's heading, not to the page.
      await until(onHeading(el), 'focus on the heading after a save');
      o.expectStored(adapter);
      const saved = events.find((e) => e.type === 'acct-saved')!;
      expect(saved.bubbles && saved.composed).to.equal(true);
      expect(saved.detail.section).to.equal(o.domain);
      expect(events.filter((e) => e.type === 'acct-dirty-change').map((e) => e.detail.dirty)).to.deep.equal([true, false]);
      expect(saveButton(el).disabled).to.equal(true);
    });

    it('shows a skeleton while loading', async () => {
      const el = await mount((a) => a.control.hangNext({ method: `${o.domain}.get` }));
      await until(() => shadow(el).querySelector('[aria-busy=true]'), 'skeleton');
      expect(shadow(el).querySelector(FORM) === null, 'no form while loading').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows a load error with a retry that works', async () => {
      const errors = recordEvents(document, ['acct-error']);
      const el = await mount((a) => a.control.failNext('network', { method: `${o.domain}.get` }));
      await until(() => alertText(el), 'error banner');
      expect(alertText(el)).to.match(/connection/i);
      await expect(el).to.be.accessible();
      const retry = [...shadow(el).querySelectorAll('button')].find((b) => /retry/i.test(b.textContent ?? ''))!;
      retry.focus();
      retry.click();
      await ready(el);
      expect(errors.map((e) => e.detail)).to.deep.include({ section: o.domain, code: 'network', operation: 'load' });
      // The Retry it was on is gone: focus goes to the loaded section's heading, not to the page.
      await until(() => shadow(el).activeElement?.matches('h2, h3, [role=heading]'), 'focus on the heading after Retry');
    });

    it('turns a malformed response into a clear error', async () => {
      const el = await mount((a) => a.control.malformedNext({ method: `${o.domain}.get` }));
      await until(() => alertText(el), 'error banner');
      expect(alertText(el)).to.match(/could not read/i);
    });

    it('keeps the input after a failed save and retries with the same idempotency key', async () => {
      const el = await mount();
      await ready(el);
      await o.edit(el);
      adapter.control.failNext('network', { method: `${o.domain}.update` });
      saveButton(el).focus();
      saveButton(el).click();
      await until(() => alertText(el), 'save error');
      o.expectEdited(el);
      expect(alertText(el)).to.match(/kept/i);
      // Said once, by the alert: not again by the live region.
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(alertText(el)).to.match(/connection/i);
      expect(liveText(el)).to.equal('');
      // Save, busy meanwhile, keeps focus or hands it to the failure's Retry: not lost to the page.
      const retry = () => shadow(el).querySelector<HTMLButtonElement>('[role=alert] button');
      await until(() => retry(), 'Retry');
      await new Promise((r) => requestAnimationFrame(r));
      expect([saveButton(el), retry()]).to.include(shadow(el).activeElement);
      // A Retry that fails again: its banner (and the button with focus) is replaced, focus goes to
      // the new Retry.
      adapter.control.failNext('network', { method: `${o.domain}.update` });
      const first = retry()!;
      first.focus();
      first.click();
      await until(() => retry() && retry() !== first && shadow(el).activeElement === retry(), 'focus on the Retry after a second failure');
      o.expectEdited(el);
      saveButton(el).click();
      await until(() => liveText(el).match(/saved/i), 'saved after retry');
      o.expectStored(adapter);
      const updates = adapter.control.calls.filter((c) => c.method === `${o.domain}.update`);
      expect(updates.length).to.equal(3);
      const keys = updates.map((c) => (c.args[1] as { idempotencyKey?: string }).idempotencyKey);
      expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    });

    it('disables Save while a save is in flight', async () => {
      const el = await mount();
      await ready(el);
      await o.edit(el);
      adapter.control.hangNext({ method: `${o.domain}.update` });
      saveButton(el).click();
      await until(() => saveButton(el).disabled, 'Save disabled in flight');
      o.expectEdited(el);
    });

    it('shows server validation next to the field, inert, and focuses it', async () => {
      const hostile = '<img src=x onerror="window.__acctPwned=1">';
      const el = await mount();
      await ready(el);
      await o.edit(el);
      adapter.control.failNext('validation', { method: `${o.domain}.update`, fieldErrors: { [o.field]: hostile } });
      saveButton(el).click();
      const control = () => shadow(el).querySelector<HTMLElement>(`[name="${o.field}"]`)!;
      await until(() => control().getAttribute('aria-invalid') === 'true' || control().closest('[aria-invalid=true]'), 'invalid field');
      const describedBy = (control().getAttribute('aria-invalid') === 'true' ? control() : control().closest('[aria-invalid]')!).getAttribute('aria-describedby')!;
      const message = describedBy.split(' ').map((id) => shadow(el).getElementById(id)?.textContent ?? '').join(' ');
      expect(message).to.contain(hostile);
      expect(shadow(el).querySelector('img')).to.be.null;
      expect((window as { __acctPwned?: number }).__acctPwned).to.equal(undefined);
      expect(shadow(el).activeElement?.getAttribute('name')).to.equal(o.field);
      o.expectEdited(el);
    });

    it('lists a server error for a path the form does not show, and says so when the server names no field', async () => {
      const el = await mount();
      await ready(el);
      await o.edit(el);
      adapter.control.failNext('validation', { method: `${o.domain}.update`, fieldErrors: { [`${o.field}.7`]: 'Refused by the host rule', [o.field]: 'Not this one' } });
      saveButton(el).click();
      const banners = () => [...shadow(el).querySelectorAll('[part~=banner]')].map((b) => b.textContent ?? '').join(' ');
      await until(() => /Refused by the host rule/.test(banners()), 'unplaced error listed');
      // The field's own error stays next to it, not in the list.
      expect(banners()).not.to.contain('Not this one');
      o.expectEdited(el);
      adapter.control.failNext('validation', { method: `${o.domain}.update` });
      saveButton(el).click();
      await until(() => /did not say which/.test(banners()), 'validation without fields explained');
      expect(banners()).not.to.contain('Check the messages next to them');
      expect(alertText(el)).to.contain('did not say which');
      expect(liveText(el), 'said once, by the alert').to.equal('');
    });

    it('shows a server reason code as its sentence (from the chunk fetched at the first edit)', async () => {
      const el = await mount();
      await ready(el);
      await o.edit(el);
      adapter.control.failNext('validation', { method: `${o.domain}.update`, fieldErrors: { [o.field]: 'read_only' } });
      saveButton(el).click();
      const errors = () => [...shadow(el).querySelectorAll('.error, [part~=error]')].map((e) => e.textContent ?? '').join(' ');
      await until(() => errors().trim(), 'field error');
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(errors()).to.contain('This field cannot be changed here.');
      expect(errors()).not.to.contain('read_only');
      o.expectEdited(el);
    });

    for (const choice of ['mine', 'theirs'] as const) {
      it(`on a conflict shows the edited fields in both versions, takes focus, and keeps ${choice} with the other changes`, async () => {
        const el = await mount();
        await ready(el);
        const before = structuredClone(adapter.control.snapshot()[o.domain]) as object;
        await o.edit(el);
        adapter.control.conflictNext({ method: `${o.domain}.update` });
        press(saveButton(el));
        await until(() => shadow(el).querySelector('table'), 'conflict table');
        const theirs = structuredClone(adapter.control.snapshot()[o.domain]) as object;
        const patch = adapter.control.calls.find((c) => c.method === `${o.domain}.update`)!.args[0] as object;
        const edited = changedPaths(before, { ...before, ...patch });
        expect(edited.length, 'the edit').to.be.greaterThan(0);
        // One row per edited field, with the user's value and the server's: nothing the user did not touch.
        const table = shadow(el).querySelector('table')!;
        expect(table.querySelectorAll('tbody tr').length).to.equal(edited.length);
        for (const row of table.querySelectorAll('tbody tr')) expect(row.querySelectorAll('td').length).to.equal(2);
        // The table's look comes with the conflict's chunk (ui/table-styles.ts, adopted).
        const cell = getComputedStyle(table.querySelector('td')!);
        expect([getComputedStyle(table).borderCollapse, cell.borderBottomWidth, cell.textAlign]).to.deep.equal(['collapse', '1px', 'start']);
        // Focus goes to the conflict's text (Save turned off), which says it once: the live region does not repeat it.
        await until(() => shadow(el).activeElement?.closest('[part~=banner]')?.querySelector('table'), 'focus on the conflict');
        expect(liveText(el)).to.equal('');
        await expect(el).to.be.accessible();
        press(button(el, choice === 'mine' ? /keep my/i : /use the saved/i));
        await until(() => !shadow(el).querySelector('table'), 'conflict resolved');
        const others = changedPaths(before, theirs).filter((p) => !edited.includes(p));
        if (choice === 'mine') {
          await until(() => liveText(el).match(/saved/i), 'saved mine');
          o.expectStored(adapter);
          o.expectEdited(el);
          // Only the edits went onto the server's copy: the other tab's changes stay.
          const stored = adapter.control.snapshot()[o.domain];
          for (const p of others) expect(getPath(stored, p), p).to.deep.equal(getPath(theirs, p));
          // Sent again with the edit's keys alone, unless the other tab had made the same change.
          const again = adapter.control.calls.filter((c) => c.method === `${o.domain}.update`)[1];
          if (again) expect(Object.keys(again.args[0] as object)).to.deep.equal(Object.keys(patch));
          else for (const p of edited) expect(getPath(theirs, p), p).to.deep.equal(getPath(stored, p));
        } else {
          expect(saveButton(el).disabled, 'pristine after taking theirs').to.equal(true);
          expect(adapter.control.snapshot()[o.domain]).to.deep.equal(theirs);
        }
        // The chosen button went away with the conflict: focus goes to the heading, not to the page.
        await until(onHeading(el), 'focus on the heading after the choice');
      });
    }

    it('puts focus on the heading after Discard, which turns off', async () => {
      const el = await mount();
      await ready(el);
      await o.edit(el);
      press(button(el, /discard/i));
      await until(() => saveButton(el).disabled, 'pristine after Discard');
      await until(onHeading(el), 'focus on the heading after Discard');
    });

    it('guards beforeunload while dirty and emits acct-dirty-change', async () => {
      const el = await mount();
      await ready(el);
      const unguarded = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(unguarded);
      expect(unguarded.defaultPrevented).to.equal(false);
      const events = recordEvents(el, ['acct-dirty-change']);
      await o.edit(el);
      expect(events.map((e) => e.detail)).to.deep.equal([{ section: o.domain, dirty: true }]);
      const guarded = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(guarded);
      expect(guarded.defaultPrevented).to.equal(true);
      el.remove();
      const afterRemoval = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(afterRemoval);
      expect(afterRemoval.defaultPrevented).to.equal(false);
    });

    it('asks for the password on reauth_required, retries, and leaks it nowhere', async () => {
      const el = await mount();
      await ready(el);
      const events = recordEvents(el, ['acct-saved', 'acct-error', 'acct-dirty-change', 'acct-ticket-created']);
      await o.edit(el);
      adapter.control.requireReauth({ method: `${o.domain}.update` });
      saveButton(el).click();
      const input = await (async () => {
        await until(() => el.querySelector('input[type=password]'), 'light-DOM password input');
        return el.querySelector<HTMLInputElement>('input[type=password]')!;
      })();
      expect(input.autocomplete).to.equal('current-password');
      expect(shadow(el).querySelector('dialog[open]')).to.not.be.null;
      // "Use a code instead" looks like a link: its rule comes with the dialog's chunk.
      const switchMode = shadow(el).querySelector<HTMLButtonElement>('dialog[open] button.link')!;
      expect([getComputedStyle(switchMode).textDecorationLine, getComputedStyle(switchMode).borderTopWidth]).to.deep.equal(['underline', '0px']);
      await expect(el).to.be.accessible();
      input.value = DEMO_CREDENTIALS.password;
      shadow(el).querySelector<HTMLButtonElement>('dialog[open] button[type=submit]')!.click();
      await until(() => events.some((e) => e.type === 'acct-saved'), 'saved after reauth');
      o.expectStored(adapter);
      expect(input.value).to.equal('');
      const everything = JSON.stringify(events.map((e) => e.detail)) + JSON.stringify(adapter.control.calls) + el.outerHTML + shadow(el).innerHTML;
      expect(everything).to.not.contain(DEMO_CREDENTIALS.password);
    });
  });
}
