// Interaction-only code loaded on first use (issue 10): LazyPart and the confirmation dialog built
// on it, in a small host element so the failure paths can be driven directly.
import { LitElement, html as litHtml } from 'lit';
import { LazyPart } from '../../packages/elements/src/base/lazy.js';
import { LazyActions } from '../../packages/elements/src/base/lazy-actions.js';
import { ConfirmController } from '../../packages/elements/src/ui/confirm.js';
import { expect, fixture, html, until } from './helpers.js';

class LazyHost extends LitElement {
  loads = 0;
  failNext = false;
  readonly lazy = new LazyPart(this, async () => {
    this.loads++;
    if (this.failNext) {
      this.failNext = false;
      throw new TypeError('Failed to fetch dynamically imported module');
    }
    return { greeting: 'loaded' };
  });
  readonly confirm = new ConfirmController(this);

  override render() {
    return litHtml`<button id="go">Go</button><p id="state">${this.lazy.value?.greeting ?? (this.lazy.error ? 'failed' : 'waiting')}</p>${this.confirm.render()}`;
  }
}
customElements.define('lazy-host-test', LazyHost);

class ActionsHost extends LitElement {
  failNext = false;
  release: (() => void) | undefined;
  readonly ran: string[] = [];
  readonly actions = new LazyActions(this, () => {
    const fail = this.failNext;
    this.failNext = false;
    return new Promise<{ act: (what: string) => void }>((resolve, reject) => {
      this.release = () => (fail ? reject(new TypeError('Failed to fetch dynamically imported module')) : resolve({ act: (what) => this.ran.push(what) }));
    });
  });

  override render() {
    return litHtml`<div id="row">${this.actions.renderFailure('revoke')}<button id="revoke" aria-busy=${String(this.actions.loading('revoke:a'))}>Revoke</button></div>
      <div id="form">${this.actions.renderFailure('create')}</div>`;
  }
}
customElements.define('lazy-actions-host-test', ActionsHost);

const state = (el: LazyHost) => el.shadowRoot!.getElementById('state')!.textContent;

describe('LazyPart', () => {
  it('loads once on the first sign of intent and re-renders the host', async () => {
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    expect(state(el)).to.equal('waiting');
    el.shadowRoot!.getElementById('go')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await until(() => state(el) === 'loaded', 'loaded after focus');
    await el.lazy.load();
    await el.lazy.load();
    expect(el.loads).to.equal(1);
  });

  it('takes a module the loader already has at once, without waiting a render', async () => {
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    let calls = 0;
    const cached = { greeting: 'cached' };
    const part = new LazyPart(el, () => (calls++, cached));
    const loading = part.load();
    expect(part.value).to.equal(cached);
    expect(await loading).to.equal(cached);
    await part.load();
    expect(calls).to.equal(1);
  });

  it('keeps a failed load in `error` and loads again on the next call', async () => {
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    el.failNext = true;
    let failed = false;
    await el.lazy.load().catch(() => (failed = true));
    expect(failed).to.equal(true);
    await el.updateComplete;
    expect(state(el)).to.equal('failed');
    expect((await el.lazy.load()).greeting).to.equal('loaded');
    await el.updateComplete;
    expect(state(el)).to.equal('loaded');
    expect(el.lazy.error === undefined).to.equal(true);
    expect(el.loads).to.equal(2);
  });
});

describe('ConfirmController (lazy dialog)', () => {
  it('opens the dialog once its chunk is in, focuses Cancel for a destructive action and resolves on the choice', async () => {
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    expect(el.shadowRoot!.querySelector('dialog') === null, 'no dialog before the first ask').to.equal(true);
    const answer = el.confirm.ask({ heading: 'Delete it?', body: 'This cannot be undone.', confirmLabel: 'Delete', danger: true });
    await until(() => el.shadowRoot!.querySelector('dialog[open]'), 'dialog');
    const dialog = el.shadowRoot!.querySelector('dialog[open]')!;
    expect(dialog.textContent).to.contain('Delete it?');
    expect(el.shadowRoot!.activeElement?.getAttribute('value')).to.equal('cancel');
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
    expect(await answer).to.equal(true);
    expect(el.shadowRoot!.querySelector('dialog[open]') === null).to.equal(true);
  });

  it('falls back to the browser confirmation when the dialog chunk cannot be fetched', async () => {
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    const original = el.confirm.part.load;
    el.confirm.part.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const asked: string[] = [];
    const nativeConfirm = window.confirm;
    window.confirm = (text?: string) => {
      asked.push(String(text));
      return false;
    };
    try {
      expect(await el.confirm.ask({ heading: 'Reset settings?', body: 'Your choices are lost.', confirmLabel: 'Reset' })).to.equal(false);
    } finally {
      window.confirm = nativeConfirm;
      el.confirm.part.load = original;
    }
    expect(asked).to.deep.equal(['Reset settings?\n\nYour choices are lost.']);
  });
});

describe('LazyActions', () => {
  it('marks the action busy while its chunk loads, then runs it', async () => {
    const el = await fixture<ActionsHost>(html`<lazy-actions-host-test></lazy-actions-host-test>`);
    const done = el.actions.run('revoke:a', (m) => m.act('a'));
    await el.updateComplete;
    expect(el.shadowRoot!.getElementById('revoke')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.actions.loading('revoke:b')).to.equal(false);
    el.release!();
    await done;
    await el.updateComplete;
    expect(el.ran).to.deep.equal(['a']);
    expect(el.shadowRoot!.getElementById('revoke')!.getAttribute('aria-busy')).to.equal('false');
    // Loaded: the next action runs at once.
    await el.actions.run('create', (m) => m.act('b'));
    expect(el.ran).to.deep.equal(['a', 'b']);
  });

  it('shows a failed load with the group of its action, and Retry runs the action', async () => {
    const el = await fixture<ActionsHost>(html`<lazy-actions-host-test></lazy-actions-host-test>`);
    el.failNext = true;
    const first = el.actions.run('revoke:a', (m) => m.act('a'));
    el.release!();
    expect(await first).to.equal(undefined);
    await el.updateComplete;
    const banner = el.shadowRoot!.querySelector('#row [role=alert]');
    expect(banner?.textContent).to.match(/could not be loaded/);
    expect(el.shadowRoot!.querySelector('#form [role=alert]') === null, 'only next to its own control').to.equal(true);
    expect(el.ran).to.deep.equal([]);
    el.release = undefined;
    banner!.querySelector('button')!.click();
    await until(() => el.release, 'second load');
    el.release!();
    await until(() => el.ran.length === 1, 'ran after Retry');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]') === null).to.equal(true);
  });
});
