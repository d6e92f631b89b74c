import { css } from 'lit';

/** Shared by the home elements (overview, account menu, referral); every value is a token. */
export const homeStyles = css`
  a {
    color: var(--acct-color-accent-text);
  }
  ul.links {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: var(--acct-space-xs) var(--acct-space-m);
  }
  .description ::slotted(*) {
    margin: 0;
  }
`;
