import { AcctOverview } from './acct-overview.js';

AcctOverview.define('acct-overview');

declare global {
  interface HTMLElementTagNameMap {
    'acct-overview': AcctOverview;
  }
}

export { AcctOverview };
