// Interaction-only code loaded on first use (issue 10): LazyPart and the confirmation dialog built
// on it, in a small host element so the failure paths can be driven directly.
import { LitElement, html as litHtml } from 'lit';
import { LazyPart } from '../../packages/elements/src/base/lazy.js';
import { LazyActions } from '../../packages/elements/src/base/lazy-actions.js';
import { ConfirmController } from '../../packages/elements/src/ui/confirm.js';
import { focusedElement } from '../../packages/elements/src/ui/focused.js';
import { retryLoad } from '../../packages/elements/src/ui/retry.js';
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

/** A list row's destructive action behind a lazy chunk and a confirmation, as the list elements have. */
class FocusHost extends LitElement {
  busy = false;
  gone = false;
  release: (() => void) | undefined;
  readonly answers: boolean[] = [];
  readonly confirm = new ConfirmController(this);
  readonly actions = new LazyActions(this, () => new Promise<object>((resolve) => (this.release = () => resolve({}))));

  async removeThing(): Promise<void> {
    await this.actions.run('remove', async () => {
      this.answers.push(await this.confirm.ask({ heading: 'Remove it?', body: 'Really.', confirmLabel: 'Remove', danger: true }));
    });
  }

  override render() {
    return litHtml`<h2 id="heading">Things</h2>
      ${this.gone ? '' : litHtml`<button id="opener" ?disabled=${this.busy || this.actions.loading('remove')} @click=${() => this.removeThing()}>Remove</button>`}
      <button id="other">Other</button>${this.confirm.render()}`;
  }
}
customElements.define('focus-host-test', FocusHost);

/** A section whose load failed, with the shared Retry (ui/retry.ts retryLoad). */
class RetryHost extends LitElement {
  phase: 'error' | 'loading' | 'ready' = 'error';
  finish: ((phase: 'error' | 'ready') => void) | undefined;
  readonly ctrl = {
    host: this,
    get phase() {
      return this.host.phase;
    },
    reload: () => {
      this.phase = 'loading';
      this.requestUpdate();
      return new Promise<void>((resolve) => (this.finish = (phase) => {
        this.phase = phase;
        this.requestUpdate();
        resolve();
      }));
    },
  };

  override render() {
    if (this.phase === 'loading') return litHtml`<p aria-busy="true">Loading…</p>`;
    if (this.phase === 'error') return litHtml`<p role="alert">Failed. <button id="retry" @click=${(e: Event) => retryLoad(e, this.ctrl)}>Retry</button></p>`;
    return litHtml`<section><h2 id="heading">Billing</h2><input id="first" /></section>`;
  }
}
customElements.define('retry-host-test', RetryHost);

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

describe('focus after dialogs and retries (ui/focus.ts, ui/focus-return.ts)', () => {
  const byId = (el: Element, id: string) => el.shadowRoot!.getElementById(id) as HTMLElement;
  const opened = (el: Element) => el.shadowRoot!.querySelector('dialog[open]');
  const deepActive = () => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };

  async function openCold(el: FocusHost): Promise<void> {
    byId(el, 'opener').focus();
    byId(el, 'opener').click();
    await until(() => el.release, 'chunk requested');
    await el.updateComplete;
    // The browser takes focus from a disabled control at its next rendering step.
    await until(() => deepActive() !== byId(el, 'opener'), 'the busy opener loses focus while the chunk loads');
    el.release!();
    await until(() => opened(el), 'dialog');
  }

  it('a dialog opened after its chunk loaded returns focus to the opener on Escape, Cancel and confirm', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    for (const close of ['escape', 'cancel', 'confirm'] as const) {
      const el = await fixture<FocusHost>(html`<focus-host-test></focus-host-test>`);
      await openCold(el);
      if (close === 'escape') await sendKeys({ press: 'Escape' });
      else opened(el)!.querySelector<HTMLButtonElement>(`button[value=${close}]`)!.click();
      await until(() => !opened(el), 'closed');
      await until(() => focusedElement() === byId(el, 'opener'), `focus back on the opener after ${close}`);
      await until(() => el.answers.length === 1, 'answered');
      expect(el.answers).to.deep.equal([close === 'confirm']);
    }
  });

  it('keeps focus with the opener while the confirmed action makes it busy, and moves on when it is removed', async () => {
    const el = await fixture<FocusHost>(html`<focus-host-test></focus-host-test>`);
    await openCold(el);
    opened(el)!.querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
    await until(() => el.answers.length === 1, 'answered');
    el.busy = true;
    el.requestUpdate();
    await until(() => deepActive() !== byId(el, 'opener'), 'a disabled opener loses focus');
    el.busy = false;
    el.requestUpdate();
    await until(() => focusedElement() === byId(el, 'opener'), 'back on the opener once it is enabled');

    void el.removeThing();
    await until(() => opened(el), 'dialog again');
    opened(el)!.querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
    await until(() => el.answers.length === 2, 'answered again');
    el.gone = true; // the row went away with the action
    el.requestUpdate();
    await until(() => focusedElement() === byId(el, 'heading'), 'the section heading when the opener is gone');
    expect(byId(el, 'heading').tabIndex).to.equal(-1);
  });

  it('does not take focus back once the user moved it', async () => {
    const el = await fixture<FocusHost>(html`<focus-host-test></focus-host-test>`);
    await openCold(el);
    opened(el)!.querySelector<HTMLButtonElement>('button[value=cancel]')!.click();
    await until(() => focusedElement() === byId(el, 'opener'), 'on the opener');
    byId(el, 'other').focus();
    el.gone = true;
    el.requestUpdate();
    await el.updateComplete;
    expect(focusedElement() === byId(el, 'other'), 'focus stays where the user put it').to.equal(true);
  });

  it('Retry of a failed load puts focus on the loaded section, or on the new Retry when it failed again', async () => {
    const el = await fixture<RetryHost>(html`<retry-host-test></retry-host-test>`);
    byId(el, 'retry').focus();
    byId(el, 'retry').click();
    await el.updateComplete;
    el.finish!('error');
    await until(() => focusedElement() === byId(el, 'retry'), 'the new Retry after another failure');
    byId(el, 'retry').click();
    await el.updateComplete;
    el.finish!('ready');
    await until(() => focusedElement() === byId(el, 'heading'), 'the heading of what loaded');
    expect(byId(el, 'heading').tabIndex).to.equal(-1);
  });
});
