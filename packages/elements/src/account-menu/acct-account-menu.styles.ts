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
    /* Set by the element when the menu would cross an edge of the viewport. */
    translate: var(--_shift, 0) 0;
    min-inline-size: min(14rem, 100vw);
    max-inline-size: 100vw;
    box-sizing: border-box;
    margin: 0;
    padding: var(--acct-space-xs) 0;
    list-style: none;
    background: var(--acct-color-surface-raised);
    border: 1px solid var(--acct-color-border);
    border-radius: var(--acct-radius-m);
  }
  :host([align='start']) [role='menu'],
  [role='menu'][data-flip] {
    inset-inline-start: 0;
    inset-inline-end: auto;
  }
  :host([align='start']) [role='menu'][data-flip] {
    inset-inline-start: auto;
    inset-inline-end: 0;
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
