// The host hands the provider an adapter to its backend. Here: the in-memory adapter with sample
// data (a browser build of @acct/adapter-memory); a real page passes its own or sets `api-base`.
import { createMemoryAdapter } from './adapter-memory.js';

const provider = document.getElementById('acct');
provider.adapter = createMemoryAdapter({ account: 'billing-individual', latency: 300 });

// Every acct-* event bubbles: one listener on the provider sees them all.
provider.addEventListener('acct-saved', (e) => {
  document.getElementById('log').textContent = `Saved: ${e.detail.section}`;
});
