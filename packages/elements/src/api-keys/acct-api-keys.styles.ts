import { css } from 'lit';

export const apiKeysStyles = css`
  #secret {
    font-size: var(--acct-font-size-s);
  }
  .copy-status {
    min-block-size: 1lh;
    font-size: var(--acct-font-size-s);
  }
`;
