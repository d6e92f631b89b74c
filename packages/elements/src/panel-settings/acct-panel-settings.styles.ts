import { css } from 'lit';

export const panelSettingsStyles = css`
  .themes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: var(--acct-space-s);
  }
  .themes label {
    border: 1px solid var(--acct-color-border-strong);
    border-radius: var(--acct-radius-s);
    padding: var(--acct-space-s) var(--acct-space-m);
  }
  .themes label:has(input:checked) {
    border-color: var(--acct-color-accent-text);
    box-shadow: inset 0 0 0 1px var(--acct-color-accent-text);
  }
  .reset {
    border-block-start: 1px solid var(--acct-color-border);
    padding-block-start: var(--acct-space-m);
    display: grid;
    gap: var(--acct-space-s);
  }
`;
