// Compiled by `npm run typecheck`: @acct/elements/jsx/preact types the tags in Preact JSX.
import type {} from '@acct/elements/jsx/preact';
import type { AccountAdapter } from '@acct/core';

declare const adapter: AccountAdapter;

export function App() {
  return (
    <acct-provider adapter={adapter} theme="auto" onacct-locale-change={(e) => e.detail.locale.length}>
      <acct-profile mode="form" onacct-saved={(e) => e.detail.section} class="profile" />
      <acct-settings tabs="profile,security" sync-hash />
      {/* @ts-expect-error: mode is 'view' | 'form' */}
      <acct-profile mode="edit" />
      {/* @ts-expect-error: theme is light, dark, branded or auto */}
      <acct-settings theme="purple" />
      {/* @ts-expect-error: acct-error's detail has a code, not a dirty flag */}
      <acct-profile onacct-error={(e) => e.detail.dirty} />
    </acct-provider>
  );
}
