import { useMemo, useState } from 'react';
// Wrappers register their tags on import and map acct-* events to typed on<Event> props.
import { AcctProvider, AcctSettings } from '@acct/react';
import { createMemoryAdapter } from '@acct/adapter-memory';
// React 19 can also use the tags directly; these typings make that type-checked.
import type {} from '@acct/elements/jsx/react';
import '@acct/elements/account-menu';

export function App() {
  // One adapter for the app's lifetime: a new object on each render would reload every element.
  const adapter = useMemo(() => createMemoryAdapter({ account: 'billing-individual', latency: 200 }), []);
  const [status, setStatus] = useState('');
  const [dirty, setDirty] = useState(false);
  // The host's own pages, for the account menu's entries.
  const links = useMemo(() => ({ topUp: '/billing/top-up', tickets: '/support/tickets', settings: '/account' }), []);

  return (
    <AcctProvider adapter={adapter} links={links} theme="light" brandName="Example Hosting" onAcctSaved={(e) => setStatus(`Saved: ${e.detail.section}`)}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h1>Account settings{dirty ? ' (unsaved changes)' : ''}</h1>
        <acct-account-menu label="J. de Vries" />
      </header>
      <AcctSettings tabs="profile notifications billing security panel" onAcctDirtyChange={(e) => setDirty(e.detail.dirty)} />
      <p role="status">{status}</p>
    </AcctProvider>
  );
}
