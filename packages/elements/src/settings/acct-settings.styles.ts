import { css } from 'lit';

export const settingsStyles = css`
  [role='tablist'] {
    /* Its own surface: the host page behind a dark theme may be light. */
    background: var(--acct-color-surface-raised);
    border-radius: var(--acct-radius-m) var(--acct-radius-m) 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--acct-space-xs);
    border-block-end: 1px solid var(--acct-color-border);
    margin-block-end: var(--acct-space-m);
  }
  [role='tab'] {
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: var(--acct-radius-s) var(--acct-radius-s) 0 0;
    background: none;
    color: var(--acct-color-text-muted);
    padding: var(--acct-space-s) var(--acct-space-m);
  }
  [role='tab'][aria-selected='true'] {
    color: var(--acct-color-text);
    border-block-end-color: var(--acct-color-accent-text);
    font-weight: var(--acct-font-weight-strong);
  }
  [role='tabpanel'] {
    display: grid;
    gap: var(--acct-space-m);
  }
  [role='tabpanel'][hidden] {
    display: none;
  }
`;
