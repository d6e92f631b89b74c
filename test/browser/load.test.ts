// Load (base/load.ts): the reads elements show, in place of @lit/task (issue 10). Driven in a small
// host so that the order of runs, aborts and failures can be set by hand.
import { LitElement, html as litHtml } from 'lit';
import { Load } from '../../packages/elements/src/base/load.js';
import { expect, fixture, html, until } from './helpers.js';

interface Run {
  key: string;
  signal: AbortSignal;
  resolve: (v: string) => void;
  reject: (e: unknown) => void;
}

class LoadHost extends LitElement {
  static override properties = { key: {} };
  key = 'a';
  renders = 0;
  readonly runs: Run[] = [];
  readonly errors: unknown[] = [];
  readonly load = new Load(this, {
    args: () => [this.key] as const,
    task: ([key], { signal }) => new Promise<string>((resolve, reject) => this.runs.push({ key, signal, resolve, reject })),
    onError: (e) => this.errors.push(e),
  });

  override render() {
    this.renders++;
    const l = this.load;
    return litHtml`<p>${l.pending ? 'pending' : l.failed ? `failed ${String(l.error)}` : (l.value ?? 'none')}</p>`;
  }
}
customElements.define('load-host-test', LoadHost);

const text = (el: LoadHost) => el.shadowRoot!.querySelector('p')!.textContent;

describe('Load', () => {
  it('runs before the first render, shows pending, then the value', async () => {
    const el = await fixture<LoadHost>(html`<load-host-test></load-host-test>`);
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a']);
    expect(text(el)).to.equal('pending');
    el.runs[0]!.resolve('A');
    await until(() => text(el) === 'A', 'value shown');
    expect(el.load.value).to.equal('A');
    // Renders for other reasons do not run it again while the args are the same.
    el.requestUpdate();
    await el.updateComplete;
    expect(el.runs.length).to.equal(1);
  });

  it('runs again when an arg changes, aborts the older run and keeps only the latest outcome', async () => {
    const el = await fixture<LoadHost>(html`<load-host-test></load-host-test>`);
    el.key = 'b';
    await el.updateComplete;
    expect(el.runs.map((r) => r.key)).to.deep.equal(['a', 'b']);
    expect(el.runs[0]!.signal.aborted).to.equal(true);
    expect(el.runs[1]!.signal.aborted).to.equal(false);
    el.runs[1]!.resolve('B');
    await until(() => text(el) === 'B', 'latest value shown');
    // The superseded run answering late changes nothing, and its failure is not reported.
    el.runs[0]!.reject(new Error('late'));
    el.runs[0]!.resolve('A');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(text(el)).to.equal('B');
    expect(el.errors).to.deep.equal([]);
  });

  it('aborts a pending read when the element leaves the page, and reads again when it comes back', async () => {
    const el = await fixture<LoadHost>(html`<load-host-test></load-host-test>`);
    const parent = el.parentElement!;
    el.remove();
    expect(el.runs[0].signal.aborted).to.equal(true);
    parent.append(el);
    await until(() => el.runs.length === 2, 'read again');
    el.runs[1].resolve('back');
    await until(() => text(el) === 'back', 'value after the move');
    expect(el.runs[1].signal.aborted).to.equal(false);
    // A settled read is not thrown away by a move.
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(el.runs.length).to.equal(2);
    expect(text(el)).to.equal('back');
  });

  it('records a failure, reports it once, and clears it when a retry succeeds', async () => {
    const el = await fixture<LoadHost>(html`<load-host-test></load-host-test>`);
    el.runs[0]!.resolve('A');
    await until(() => text(el) === 'A', 'first value');
    const retry = el.load.run();
    expect(el.load.pending).to.equal(true);
    el.runs[1]!.reject('offline');
    await retry;
    await el.updateComplete;
    expect(text(el)).to.equal('failed offline');
    expect(el.load.value).to.equal(undefined);
    expect(el.errors).to.deep.equal(['offline']);
    const again = el.load.run();
    // While retrying it is no longer failed, but the last error stays readable.
    expect(el.load.failed).to.equal(false);
    expect(el.load.error).to.equal('offline');
    el.runs[2]!.resolve('A2');
    await again;
    await el.updateComplete;
    expect(text(el)).to.equal('A2');
    expect(el.load.error).to.equal(undefined);
    expect(el.errors.length).to.equal(1);
  });
});
