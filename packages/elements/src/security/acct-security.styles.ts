import { css } from 'lit';

export const securityStyles = css`
  :host {
    --_stack: var(--acct-security-gap, var(--acct-space-l));
  }
  .stack {
    display: grid;
    gap: var(--_stack);
  }
  textarea {
    font-family: var(--acct-font-family-mono, ui-monospace, monospace);
    min-block-size: 8rem;
    resize: vertical;
  }
  .lines {
    margin: 0;
    padding-inline-start: var(--acct-space-l);
    display: grid;
    gap: var(--acct-space-xs);
    font-size: var(--acct-font-size-s);
  }
  .lines .warning {
    color: var(--acct-color-warning-text);
  }
  .lines .bad {
    color: var(--acct-color-danger-text);
  }
  code {
    font-family: var(--acct-font-family-mono, ui-monospace, monospace);
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--acct-space-xs) var(--acct-space-m);
    margin: 0;
  }
  dt {
    color: var(--acct-color-text-muted);
  }
  dd {
    margin: 0;
  }
`;
