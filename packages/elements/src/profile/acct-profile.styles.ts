import { css } from 'lit';

export const profileStyles = css`
  :host {
    --_columns: var(--acct-profile-columns, 16rem);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--_columns), 100%), 1fr));
    gap: var(--acct-space-m);
    align-items: start;
  }
  .group {
    display: grid;
    gap: var(--acct-space-s);
    border-block-start: 1px solid var(--acct-color-border);
    padding-block-start: var(--acct-space-m);
  }
  form {
    display: grid;
    gap: var(--_gap);
  }
  .address {
    grid-column: 1 / -1;
  }
  .value {
    overflow-wrap: anywhere;
  }
  .code {
    font-family: var(--acct-font-family-mono, monospace);
  }
  .readonly .value {
    font-weight: normal;
  }
  .required {
    color: var(--acct-color-danger-text);
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    gap: var(--acct-space-m);
    margin: 0;
  }
  .status dt {
    color: var(--acct-color-text-muted);
    font-size: var(--acct-font-size-s);
  }
  .status dd {
    margin: 0;
    font-weight: var(--acct-font-weight-strong);
  }
  .badge {
    font-size: var(--acct-font-size-s);
    color: var(--acct-color-warning-text);
  }
  .badge[data-confirmed='true'] {
    color: var(--acct-color-success-text);
  }
  .request {
    display: grid;
    gap: var(--acct-space-xs);
  }
  ul {
    margin: 0;
    padding-inline-start: var(--acct-space-l);
  }
  a {
    color: inherit;
  }
`;
