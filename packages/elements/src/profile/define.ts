import { AcctProfile } from './acct-profile.js';

AcctProfile.define('acct-profile');

declare global {
  interface HTMLElementTagNameMap {
    'acct-profile': AcctProfile;
  }
}

export { AcctProfile };
