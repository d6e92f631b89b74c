// In-page half of `npm run bench` (scripts/bench.mjs drives it with playwright-core). Loaded as a
// module next to the built one-file bundle; every measurement is a function on `window.bench` that
// returns plain numbers. The element and its plain-DOM floor run the same adapter calls on the same
// memory adapter (zero latency), and the floor builds the very DOM the element ends up with
// (tags, attributes, text, input values, the same constructed stylesheets), with createElement and
// textContent only: whatever the element costs beyond it is framework and element logic.

const now = () => performance.now();

/** A macrotask boundary (no 4 ms timer clamp): each simulated keystroke is its own task, as typing is. */
export const nextTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

/** Which element to render and what "rendered" means for it. */
export const SPECS = {
  profile: {
    tag: 'acct-profile',
    attrs: { mode: 'form' },
    ready: (el) => !!el.shadowRoot?.querySelector('form [name=companyName]'),
    /** The text field typed into (searched through nested shadow roots). */
    field: 'form input[name=companyName]',
    typed: ' Северо-Запад',
  },
  security: {
    tag: 'acct-security',
    attrs: {},
    ready: (el) => !!el.shadowRoot?.querySelector('textarea[name=ipRules]'),
    field: 'textarea[name=ipRules]',
    typed: '\n192.0.2.15',
  },
  settings: {
    tag: 'acct-settings',
    attrs: {},
    // The first tab (the profile, as text with "Change") is part of the first render.
    ready: (el) => !!nested(el, 'acct-profile')?.shadowRoot?.querySelector('[data-action=change]'),
    // Typing happens in a second tab: open it first (the tab loads and renders on first use).
    prepare: async (el) => {
      el.shadowRoot.getElementById('tab-notifications').click();
      await settle(el, { ready: (e) => !!nested(e, 'acct-notifications')?.shadowRoot?.querySelector('form') });
    },
    field: 'input[name="emails.support"]',
    typed: '.ops',
  },
};

function nested(el, tag) {
  return el.shadowRoot?.querySelector(tag) ?? undefined;
}

/** The element and every acct-* element inside its shadow tree. */
function acctTree(el, out = []) {
  out.push(el);
  for (const child of el.shadowRoot?.querySelectorAll('*') ?? []) if (child.localName.startsWith('acct-')) acctTree(child, out);
  return out;
}

function skeletonLeft(el) {
  return acctTree(el).some((e) => !e.hasUpdated || e.shadowRoot?.querySelector('[part~=skeleton], [aria-busy=true]'));
}

/** Resolves once the element (and those it nests) show content and no skeleton. */
export async function settle(el, spec) {
  for (let i = 0; i < 100_000; i++) {
    await Promise.all(acctTree(el).map((e) => e.updateComplete));
    if (spec.ready(el) && !skeletonLeft(el)) return;
    await nextTask();
  }
  throw new Error(`${el.localName} never finished rendering`);
}

let adapter;
let provider;
let adapterModule;

/** The page's provider and adapter; `fresh` gives a new adapter (cold runs). */
export async function setup({ account }) {
  adapterModule ??= await import('/dist/demo/adapter-memory.js');
  adapter = adapterModule.createMemoryAdapter({ account, latency: 0 });
  provider = document.createElement('acct-provider');
  provider.theme = 'light';
  provider.adapter = adapter;
  document.body.append(provider);
  return { adapter, provider };
}

export async function loadBundle() {
  const t = now();
  await import('/dist/acct-widgets.js');
  await customElements.whenDefined('acct-provider');
  return now() - t;
}

function create(spec) {
  const el = document.createElement(spec.tag);
  for (const [k, v] of Object.entries(spec.attrs)) el.setAttribute(k, v);
  return el;
}

/** Insert one element, wait for its content, force layout; milliseconds. */
export async function renderElement(name, { keep = false } = {}) {
  const spec = SPECS[name];
  const t = now();
  const el = create(spec);
  provider.append(el);
  await settle(el, spec);
  void el.getBoundingClientRect().height;
  const ms = now() - t;
  if (!keep) el.remove();
  return ms;
}

export async function renderElements(name, count) {
  const spec = SPECS[name];
  const t = now();
  const box = document.createElement('div');
  const els = Array.from({ length: count }, () => create(spec));
  box.append(...els);
  provider.append(box);
  await Promise.all(els.map((el) => settle(el, spec)));
  void box.getBoundingClientRect().height;
  const ms = now() - t;
  box.remove();
  return ms;
}

// ---- the plain-DOM floor --------------------------------------------------------------------

/** The element's final DOM as data: tags, attributes, text, values, nested shadow roots. */
function snapshotNode(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.data;
  if (node.nodeType !== Node.ELEMENT_NODE) return undefined;
  const out = { t: node.localName, a: [...node.attributes].map((a) => [a.name, a.value]), k: snapshotChildren(node) };
  if (node.localName.startsWith('acct-')) {
    // A nested element becomes a plain host with the same shadow content and stylesheets.
    out.t = 'div';
    out.s = { tag: node.localName, k: snapshotChildren(node.shadowRoot) };
  }
  if (node.localName === 'input' || node.localName === 'textarea' || node.localName === 'select') out.v = node.value;
  if (node.localName === 'input' && (node.type === 'checkbox' || node.type === 'radio')) out.c = node.checked;
  return out;
}

function snapshotChildren(parent) {
  return [...parent.childNodes].map(snapshotNode).filter((n) => n !== undefined && n !== '');
}

/** Snapshot of a rendered element plus the adapter calls it made to get there. */
export async function snapshot(name, { prepared = false } = {}) {
  const spec = SPECS[name];
  const el = create(spec);
  const from = adapter.control.calls.length;
  provider.append(el);
  await settle(el, spec);
  if (prepared) await spec.prepare?.(el);
  const calls = [...new Set(adapter.control.calls.slice(from).map((c) => c.method))];
  const snap = { tag: spec.tag, shadow: snapshotChildren(el.shadowRoot), light: snapshotChildren(el), calls };
  el.remove();
  return snap;
}

function sheets(tag) {
  return customElements.get(tag).elementStyles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet));
}

function build(node) {
  if (typeof node === 'string') return document.createTextNode(node);
  const el = document.createElement(node.t);
  for (const [k, v] of node.a) el.setAttribute(k, v);
  if (node.s) {
    const root = el.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets(node.s.tag);
    for (const child of node.s.k) root.append(build(child));
  }
  for (const child of node.k) el.append(build(child));
  if (node.v !== undefined) el.value = node.v;
  if (node.c !== undefined) el.checked = node.c;
  return el;
}

function method(path) {
  const [api, fn] = path.split('.');
  return () => adapter[api][fn]();
}

/** The same data calls, then the same DOM built by hand, inserted, laid out; returns the host. */
async function floorOnce(snap) {
  await Promise.all(snap.calls.map((c) => method(c)()));
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets(snap.tag);
  for (const child of snap.shadow) root.append(build(child));
  for (const child of snap.light) host.append(build(child));
  provider.append(host);
  void host.getBoundingClientRect().height;
  return host;
}

export async function renderFloor(snap) {
  const t = now();
  const host = await floorOnce(snap);
  const ms = now() - t;
  host.remove();
  return ms;
}

export async function renderFloors(snap, count) {
  const t = now();
  const box = document.createElement('div');
  provider.append(box);
  await Promise.all(
    Array.from({ length: count }, async () => {
      const host = await floorOnce(snap);
      box.append(host);
    }),
  );
  void box.getBoundingClientRect().height;
  const ms = now() - t;
  box.remove();
  return ms;
}

// ---- keystrokes -----------------------------------------------------------------------------

/** The text a run of keystrokes types: the suffix one character at a time, then erased again. */
function sequence(base, typed) {
  const values = [];
  for (let i = 1; i <= typed.length; i++) values.push(base + typed.slice(0, i));
  for (let i = typed.length - 1; i >= 0; i--) values.push(base + typed.slice(0, i));
  return values;
}

/** One key typed at the end of a text area, through the browser's editing (as a keystroke is). */
function typeAtEnd(area, text) {
  area.focus();
  area.setSelectionRange(area.value.length, area.value.length);
  document.execCommand('insertText', false, `\n${text}`);
}

function inputEvent() {
  return new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' });
}

/**
 * Keystrokes into the element's text field: set the value (the browser's part), then time the
 * input event until the owning element's updateComplete. One macrotask per keystroke.
 */
export async function typeInElement(name, keystrokes) {
  const spec = SPECS[name];
  const el = create(spec);
  provider.append(el);
  await settle(el, spec);
  await spec.prepare?.(el);
  const field = deepQuery(el.shadowRoot, spec.field);
  if (!field) throw new Error(`${name}: no text field to type into`);
  const owner = field.getRootNode().host ?? field.parentElement;
  const values = sequence(field.value, spec.typed);
  const times = [];
  for (let i = 0; i < keystrokes; i++) {
    field.value = values[i % values.length];
    const t = now();
    field.dispatchEvent(inputEvent());
    await owner.updateComplete;
    times.push(now() - t);
    await nextTask();
  }
  const check = owner.settings?.get?.(field.name);
  el.remove();
  return { times, lastValue: field.value, stored: typeof check === 'string' ? check : Array.isArray(check) ? check.join('\n') : undefined };
}

/**
 * The floor: the element's own DOM built by hand, with one input listener that keeps a draft and
 * turns Save on while it differs from the saved value (what an update has to do at least).
 */
export async function typeInFloor(snap, name, keystrokes) {
  const spec = SPECS[name];
  const host = await floorOnce(snap);
  const root = host.shadowRoot;
  const field = deepQuery(root, spec.field);
  if (!field) throw new Error(`${name}: the floor has no such field`);
  const save = field.form?.querySelector('[type=submit]') ?? null;
  const saved = field.value;
  const draft = { value: saved };
  field.getRootNode().addEventListener('input', (e) => {
    draft.value = e.target.value;
    if (save) save.disabled = draft.value === saved;
  });
  const values = sequence(saved, spec.typed);
  const times = [];
  for (let i = 0; i < keystrokes; i++) {
    field.value = values[i % values.length];
    const t = now();
    field.dispatchEvent(inputEvent());
    await Promise.resolve();
    times.push(now() - t);
    await nextTask();
  }
  host.remove();
  return { times };
}

/** The first match in a shadow root or any shadow root nested in it. */
function deepQuery(root, selector) {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot && deepQuery(el.shadowRoot, selector);
    if (found) return found;
  }
  return undefined;
}

// ---- interactions watched for long tasks ----------------------------------------------------

const longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

/** Long tasks (> 50 ms, as the browser reports them) that overlapped [from, to]. */
export function longTasksBetween(from, to) {
  return longTasks.filter((e) => e.start < to && e.start + e.duration > from);
}

export { now };

async function until(check, what) {
  for (let i = 0; i < 100_000; i++) {
    if (check()) return;
    await nextTask();
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A pasted allow-list of `lines` entries: addresses, networks, ranges, comments. */
export function ipList(lines) {
  return Array.from({ length: lines }, (_, i) =>
    i % 10 === 9 ? `# office ${i}` : i % 3 ? `10.${(i >> 8) & 255}.${i & 255}.0/24` : `2001:db8:${i.toString(16)}::/48`,
  ).join('\n');
}

/**
 * What a person does with each element, step by step (one task each where the browser would give
 * one): each step's duration, for the Long Tasks check that bench.mjs makes around the whole run.
 */
export async function interact(name) {
  const spec = SPECS[name];
  const el = create(spec);
  provider.append(el);
  await settle(el, spec);
  const steps = [];
  // `floor`: the name of the step that does the same to a bare element (the browser alone).
  const step = async (what, fn, floor) => {
    await nextTask();
    const t = now();
    await fn();
    const end = now();
    steps.push({ what, ms: end - t, from: t, to: end, floor });
  };
  const sr = el.shadowRoot;
  const input = (field, value) => {
    field.value = value;
    field.dispatchEvent(inputEvent());
  };
  if (name === 'profile') {
    const field = sr.querySelector('input[name=companyName]');
    await step('type a character', async () => {
      input(field, `${field.value}!`);
      await el.updateComplete;
    });
    await step('leave the field (checks the profile)', async () => {
      field.dispatchEvent(new FocusEvent('blur'));
      await el.updateComplete;
    });
    await step('wrong settlement account, leave the field', async () => {
      const acc = sr.querySelector('input[name=settlementAccount]');
      input(acc, '40702810938000012346');
      acc.dispatchEvent(new FocusEvent('blur'));
      await el.updateComplete;
      if (!sr.querySelector('#f-settlementAccount-error, [data-field=settlementAccount] .error')) throw new Error('no error shown for a bad account');
      input(acc, '40702810938000012345');
      acc.dispatchEvent(new FocusEvent('blur'));
      await el.updateComplete;
    });
    await step('save', async () => {
      sr.querySelector('form').requestSubmit();
      await until(() => !el.settings.saving && !el.settings.dirty, 'the save');
      await el.updateComplete;
    });
  } else if (name === 'security') {
    const area = sr.querySelector('textarea[name=ipRules]');
    const big = ipList(10_000);
    // A long list is checked in slices (the page stays responsive); each step lasts until the
    // check is done and its findings are on screen.
    const checked = () => !sr.getElementById('ipRules-status')?.textContent.trim();
    const PASTE_FLOOR = 'floor: the same paste into a bare <textarea> (the browser alone)';
    const KEY_FLOOR = 'floor: the same keystroke at the end of a bare <textarea> holding the 10,000 lines';
    const KEYS = 3;
    await step(
      'paste 10,000 lines into the IP list (checked in slices)',
      async () => {
        area.value = big;
        area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
        await el.updateComplete;
        await until(checked, 'the list check');
        await el.updateComplete;
      },
      PASTE_FLOOR,
    );
    // A keystroke goes through the browser's editing at the caret (execCommand fires the same
    // `insertText` input event a key does), not a script replacing the whole value, which would
    // make the browser lay out all 10,000 lines again. Its findings wait for a pause or for the
    // field to be left (here: left at once).
    // KEYS keystrokes here and in the floor: one of each is too noisy to compare on a shared machine.
    for (let k = 1; k <= KEYS; k++) {
      await step(
        'type a character at the end of the 10,000 lines',
        async () => {
          typeAtEnd(area, String(k));
          if (!area.value.endsWith(`\n${k}`)) throw new Error('the keystroke did not reach the text area');
          await el.updateComplete;
          if (el.settings.draft.ipRules.length !== 10_000 + k) throw new Error('the keystroke did not reach the draft');
        },
        KEY_FLOOR,
      );
    }
    await step(`leave the field (the ${(10_000 + KEYS).toLocaleString('en')} lines are checked in slices)`, async () => {
      area.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      await until(checked, 'the list check');
      await el.updateComplete;
    });
    // The browser's own part, for comparison: the same edits to a bare textarea of the same size
    // and font, followed by the layout the browser would do next.
    const bare = document.createElement('textarea');
    const box = getComputedStyle(area);
    bare.rows = area.rows;
    Object.assign(bare.style, { width: box.width, height: box.height, font: box.font, padding: box.padding });
    document.body.append(bare);
    await step(PASTE_FLOOR, async () => {
      bare.value = big;
      bare.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      void bare.getBoundingClientRect().height;
      await nextTask();
      void bare.scrollHeight;
    });
    for (let k = 1; k <= KEYS; k++) {
      await step(KEY_FLOOR, async () => {
        typeAtEnd(bare, String(k));
        void bare.scrollHeight;
        await nextTask();
      });
    }
    bare.remove();
    await step('open the password form (its chunk loads on first use)', async () => {
      sr.getElementById('pw-open').click();
      await until(() => el.querySelector('input[name=next]'), 'the password form');
      await el.updateComplete;
    });
    await step('type a password (strength meter, blocklist loads)', async () => {
      const next = el.querySelector('input[name=next]');
      input(next, 'correct horse battery staple');
      await until(() => !!sr.querySelector('meter'), 'the strength meter');
      await el.updateComplete;
    });
  } else {
    for (const tab of [...sr.querySelectorAll('[role=tab]')].slice(1)) {
      await step(`open tab ${tab.id.replace('tab-', '')}`, async () => {
        tab.click();
        await el.updateComplete;
        await until(() => {
          const panel = sr.getElementById(tab.getAttribute('aria-controls'));
          const inner = [...panel.children].filter((c) => c.localName.startsWith('acct-'));
          return inner.length > 0 && inner.every((c) => c.hasUpdated && !skeletonLeft(c));
        }, `tab ${tab.id}`);
      });
    }
  }
  el.remove();
  return steps;
}
