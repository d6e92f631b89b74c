// The host page's own script: hands the provider an adapter and follows the widgets' events.
// A real host writes an adapter to its backend; the demo uses the in-memory one.
import { createMemoryAdapter } from '/dist/demo/adapter-memory.js';

const provider = document.getElementById('provider');
const accountSelect = document.getElementById('account');
const latencySelect = document.getElementById('latency');
const log = document.getElementById('log');

/** Remounts the elements: they load again from the same backend, as after a page reload. */
function remount() {
  for (const el of [...provider.children]) el.replaceWith(document.createElement(el.localName));
}

function connect() {
  const adapter = createMemoryAdapter({ account: accountSelect.value, latency: Number(latencySelect.value) });
  window.acctDemoAdapter = adapter; // for poking at faults from the console: acctDemoAdapter.control.failNext('network')
  provider.adapter = adapter;
  // A fresh adapter is a different backend.
  remount();
}

accountSelect.addEventListener('change', connect);
document.getElementById('reload').addEventListener('click', remount);
latencySelect.addEventListener('change', () => {
  if (window.acctDemoAdapter) window.acctDemoAdapter.control.latency = Number(latencySelect.value);
});

for (const name of ['acct-saved', 'acct-error', 'acct-ticket-created', 'acct-dirty-change', 'acct-locale-change', 'acct-theme-change']) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}

// The host follows the widgets: its own page theme and language.
document.addEventListener('acct-theme-change', (e) => (document.documentElement.dataset.theme = e.detail.theme));
document.addEventListener('acct-locale-change', (e) => (document.documentElement.lang = e.detail.locale));

connect();
