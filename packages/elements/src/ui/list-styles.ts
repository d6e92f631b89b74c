import { css } from 'lit';

/** Tables, badges and row actions shared by the list elements; every value is a token. */
export const listStyles = css`
  .stack {
    display: grid;
    gap: var(--_gap);
  }
  caption {
    text-align: start;
    font-weight: var(--acct-font-weight-strong);
    padding-block-end: var(--acct-space-xs);
  }
  td,
  th {
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead th {
    color: var(--acct-color-text-muted);
    font-size: var(--acct-font-size-s);
    font-weight: var(--acct-font-weight-strong);
  }
  tr:focus-visible {
    outline: var(--acct-focus-width) solid var(--acct-color-focus);
    outline-offset: -2px;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--acct-space-xs);
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--acct-space-xs);
    align-items: center;
  }
  .reason {
    color: var(--acct-color-text-muted);
    font-size: var(--acct-font-size-s);
  }
  .empty {
    color: var(--acct-color-text-muted);
    padding: var(--acct-space-s) 0;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--acct-space-m);
    align-items: start;
  }
  form.create {
    display: grid;
    gap: var(--acct-space-m);
    border-block-start: 1px solid var(--acct-color-border);
    padding-block-start: var(--acct-space-m);
  }
  .inline .field {
    flex: 1 1 14rem;
  }
  .secret {
    font-family: var(--acct-font-mono, ui-monospace, monospace);
  }
`;
