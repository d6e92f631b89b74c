import { css } from 'lit';

/** The modal dialogs' look (confirmation, re-authentication, a new API key's secret); adopted by their chunks. */
export const dialogStyles = css`
  dialog {
    border: 1px solid var(--acct-color-border);
    border-radius: var(--_radius);
    background: var(--acct-color-surface-raised);
    color: var(--acct-color-text);
    padding: var(--acct-space-l);
    max-inline-size: min(32rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog form {
    display: grid;
    gap: var(--acct-space-m);
  }
`;
