import type { AdapterErrorCode, ThemeName, Ticket } from '@acct/core';

/** Detail types of the public events. None ever carries a password, code word or API secret. */
export interface AcctSavedDetail {
  /** The element's domain: `panel`, `notifications`, ... */
  section: string;
  /** The saved, non-secret data as the server returned it. */
  data?: unknown;
}
export interface AcctErrorDetail {
  section: string;
  code: AdapterErrorCode;
  /** Which operation failed: `load`, `save`, `resetUserSettings`, ... */
  operation: string;
}
export interface AcctTicketCreatedDetail {
  section: string;
  ticket: Ticket;
}
export interface AcctDirtyChangeDetail {
  section: string;
  dirty: boolean;
}
export interface AcctLocaleChangeDetail {
  locale: string;
}
export interface AcctThemeChangeDetail {
  theme: ThemeName;
}

export interface AcctEventMap {
  'acct-saved': AcctSavedDetail;
  'acct-error': AcctErrorDetail;
  'acct-ticket-created': AcctTicketCreatedDetail;
  'acct-dirty-change': AcctDirtyChangeDetail;
  'acct-locale-change': AcctLocaleChangeDetail;
  'acct-theme-change': AcctThemeChangeDetail;
}

declare global {
  interface HTMLElementEventMap {
    'acct-saved': CustomEvent<AcctSavedDetail>;
    'acct-error': CustomEvent<AcctErrorDetail>;
    'acct-ticket-created': CustomEvent<AcctTicketCreatedDetail>;
    'acct-dirty-change': CustomEvent<AcctDirtyChangeDetail>;
    'acct-locale-change': CustomEvent<AcctLocaleChangeDetail>;
    'acct-theme-change': CustomEvent<AcctThemeChangeDetail>;
  }
}
