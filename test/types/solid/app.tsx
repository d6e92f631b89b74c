// Compiled by `npm run typecheck`: @acct/elements/jsx/solid types the tags in Solid JSX.
import type {} from '@acct/elements/jsx/solid';
import type { AccountAdapter } from '@acct/core';

declare const adapter: AccountAdapter;

export function App() {
  return (
    <acct-provider adapter={adapter} theme="branded" brand-name="Example" on:acct-theme-change={(e) => e.detail.theme}>
      <acct-profile mode="form" on:acct-saved={(e) => e.detail.section} />
      <acct-settings tabs="profile security" sync-hash={true} />
      {/* @ts-expect-error: mode is 'view' | 'form' */}
      <acct-profile mode="edit" />
      {/* @ts-expect-error: sync-hash is a boolean */}
      <acct-settings sync-hash="yes" />
      {/* @ts-expect-error: acct-dirty-change's detail has no ticket */}
      <acct-profile on:acct-dirty-change={(e) => e.detail.ticket} />
    </acct-provider>
  );
}
