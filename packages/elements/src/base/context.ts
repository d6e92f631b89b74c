import { createContext } from '@lit/context';
import type { AccountAdapter, ThemeName } from '@acct/core';

/** Links to host pages the library does not own; a block with neither link nor sub-API is hidden. */
export interface AcctLinks {
  help?: string;
  knowledgeBase?: string;
  topUp?: string;
  history?: string;
  documents?: string;
  tickets?: string;
  referral?: string;
  settings?: string;
}

/** What an `acct-provider` gives every element inside it. */
export interface AcctContextValue {
  adapter?: AccountAdapter;
  /** No adapter yet, but one is being built (`api-base`): elements wait instead of saying it is missing. */
  pending?: boolean;
  theme: ThemeName;
  locale: string;
  brandName?: string;
  links: AcctLinks;
}

export const acctContext = createContext<AcctContextValue>(Symbol.for('acct-widgets/context'));
