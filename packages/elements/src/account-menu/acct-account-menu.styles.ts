import { css } from 'lit';

export const accountMenuStyles = css`
  :host {
    display: inline-block;
  }
  .menu-button {
    position: relative;
  }
  .chevron {
    display: inline-block;
    inline-size: 0.5em;
    block-size: 0.5em;
    margin-inline-start: var(--acct-space-xs);
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
  }
  [role='menu'] {
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: calc(100% + var(--acct-space-xs));
    z-index: 10;
    min-inline-size: 14rem;
    margin: 0;
    padding: var(--acct-space-xs) 0;
    list-style: none;
    background: var(--acct-color-surface-raised);
    border: 1px solid var(--acct-color-border);
    border-radius: var(--acct-radius-m);
  }
  [role='menu'][hidden] {
    display: none;
  }
  [role='menuitem'] {
    display: block;
    padding: var(--acct-space-xs) var(--acct-space-m);
    color: var(--acct-color-text);
    text-decoration: none;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: var(--acct-color-surface-sunken);
    color: var(--acct-color-accent-text);
    text-decoration: underline;
  }
  [role='menuitem']:focus-visible {
    outline: var(--acct-focus-width) solid var(--acct-color-focus);
    outline-offset: -2px;
  }
`;
