// Compiled by `npm run typecheck`: the JSX typings of @acct/elements/jsx/react must accept the
// documented attributes, properties and events, and reject wrong ones (@ts-expect-error fails the
// build when the line after it compiles).
import type {} from '@acct/elements/jsx/react';
import type { AccountAdapter } from '@acct/core';
import type { AcctSavedDetail } from '@acct/elements';
import { AcctProfile, AcctProvider, AcctSettings } from '@acct/react';

declare const adapter: AccountAdapter;

export function Direct() {
  return (
    <acct-provider adapter={adapter} theme="dark" locale="ru" brand-name="Example" onacct-saved={(e) => e.detail.section.toUpperCase()}>
      <acct-profile mode="form" onacct-dirty-change={(e) => e.detail.dirty === true} />
      <acct-settings tabs="profile security" sync-hash selected="security" className="settings" />
      <acct-login-history page-size={20} time-zone="Europe/Moscow" />
      {/* @ts-expect-error: mode is 'view' | 'form' */}
      <acct-profile mode="edit" />
      {/* @ts-expect-error: page-size is a number */}
      <acct-login-history page-size="many" />
      {/* @ts-expect-error: the adapter is an object, not a string */}
      <acct-provider adapter="rest" />
      {/* @ts-expect-error: acct-saved carries AcctSavedDetail, which has no `dirty` */}
      <acct-profile onacct-saved={(e) => e.detail.dirty} />
      {/* @ts-expect-error: no such tag */}
      <acct-profiles />
    </acct-provider>
  );
}

export function Wrapped() {
  const saved = (e: CustomEvent<AcctSavedDetail>) => e.detail.section;
  return (
    <AcctProvider adapter={adapter} theme="light" onAcctThemeChange={(e) => e.detail.theme}>
      <AcctSettings syncHash tabs="profile" onAcctSaved={saved} onAcctError={(e) => e.detail.code} />
      <AcctProfile mode="view" onAcctTicketCreated={(e) => e.detail.ticket.id} />
      {/* @ts-expect-error: mode is 'view' | 'form' */}
      <AcctProfile mode="edit" />
      {/* @ts-expect-error: AcctProfile does not fire acct-theme-change */}
      <AcctProfile onAcctThemeChange={() => undefined} />
    </AcctProvider>
  );
}
