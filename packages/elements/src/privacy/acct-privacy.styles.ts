import { css } from 'lit';

export const privacyStyles = css`
  .consequences {
    margin: 0;
    padding-inline-start: var(--acct-space-l);
    display: grid;
    gap: var(--acct-space-xs);
  }
  form.delete {
    display: grid;
    gap: var(--acct-space-m);
  }
  a {
    color: var(--acct-color-accent-text);
  }
`;
