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
  .strength {
    display: grid;
    gap: var(--acct-space-xs);
  }
  meter {
    inline-size: 100%;
    max-inline-size: 36rem;
    block-size: var(--acct-space-s);
  }
  .qr {
    inline-size: 12rem;
    block-size: 12rem;
    padding: var(--acct-space-s);
    background: var(--acct-color-white);
    border-radius: var(--acct-radius-s);
  }
  .qr path {
    fill: var(--acct-color-black);
  }
  .secret {
    font-size: var(--acct-font-size-m);
    letter-spacing: 0.05em;
  }
  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: var(--acct-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
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
  .subsection {
    border-block-start: 1px solid var(--acct-color-border);
    padding-block-start: var(--acct-space-m);
    display: grid;
    gap: var(--acct-space-s);
  }
`;
