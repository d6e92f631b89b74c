import { css } from 'lit';

/**
 * Shared look of sections, fields, buttons and banners; every value is a token. What only some
 * elements show (status lists, badges, link buttons, tables, fieldsets) is in their own modules (ui/status-styles.ts and the like),
 * so the others' first paint does not carry it (issue 10).
 */
export const uiStyles = css`
  :host {
    display: block;
    --_gap: var(--acct-section-gap, var(--acct-space-m));
    --_radius: var(--acct-radius-m);
    color: var(--acct-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .section {
    background: var(--acct-color-surface-raised);
    border: 1px solid var(--acct-color-border);
    border-radius: var(--_radius);
    padding: var(--acct-space-l);
    display: grid;
    gap: var(--_gap);
  }
  h2,
  h3 {
    margin: 0;
    font-size: var(--acct-font-size-l);
    font-weight: var(--acct-font-weight-strong);
  }
  h3 {
    font-size: var(--acct-font-size-m);
  }
  p {
    margin: 0;
  }
  .muted,
  .hint {
    color: var(--acct-color-text-muted);
    font-size: var(--acct-font-size-s);
  }
  .field {
    display: grid;
    gap: var(--acct-space-xs);
    max-inline-size: 36rem;
  }
  label,
  .label,
  legend {
    font-weight: var(--acct-font-weight-strong);
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea,
  ::slotted(input) {
    font: inherit;
    color: var(--acct-color-text);
    background: var(--acct-color-surface-sunken);
    border: 1px solid var(--acct-color-border-strong);
    border-radius: var(--acct-radius-s);
    min-block-size: var(--acct-control-height);
    padding: var(--acct-space-xs) var(--acct-space-s);
    inline-size: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--acct-color-accent);
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    flex: none;
  }
  .choice {
    display: flex;
    gap: var(--acct-space-s);
    align-items: center;
    font-weight: normal;
  }
  [aria-invalid='true'] {
    border-color: var(--acct-color-danger-text);
  }
  .error {
    color: var(--acct-color-danger-text);
    font-size: var(--acct-font-size-s);
  }
  :focus-visible,
  ::slotted(:focus-visible) {
    outline: var(--acct-focus-width) solid var(--acct-color-focus);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--acct-space-s);
    align-items: center;
  }
  button {
    font: inherit;
    min-block-size: var(--acct-control-height);
    padding: 0 var(--acct-space-m);
    border-radius: var(--acct-radius-s);
    border: 1px solid var(--acct-color-border-strong);
    background: var(--acct-color-surface-raised);
    color: var(--acct-color-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--acct-color-accent);
    border-color: var(--acct-color-accent);
    color: var(--acct-color-on-accent);
    font-weight: var(--acct-font-weight-strong);
  }
  button.danger {
    background: var(--acct-color-danger-fill);
    border-color: var(--acct-color-danger-fill);
    color: var(--acct-color-on-danger);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .banner {
    border-radius: var(--acct-radius-s);
    padding: var(--acct-space-s) var(--acct-space-m);
    display: grid;
    gap: var(--acct-space-s);
    background: var(--acct-color-info-surface);
    color: var(--acct-color-text);
  }
  .banner[data-tone='danger'] {
    background: var(--acct-color-danger-surface);
    color: var(--acct-color-danger-text);
  }
  .banner[data-tone='success'] {
    background: var(--acct-color-success-surface);
    color: var(--acct-color-success-text);
  }
  .banner[data-tone='warning'] {
    background: var(--acct-color-warning-surface);
    color: var(--acct-color-warning-text);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .skeleton {
    display: grid;
    gap: var(--acct-space-m);
  }
  .skeleton span {
    display: block;
    block-size: var(--acct-control-height);
    border-radius: var(--acct-radius-s);
    background: var(--acct-color-skeleton);
    animation: acct-pulse 1.4s ease-in-out infinite;
  }
  .skeleton span:nth-child(odd) {
    inline-size: 40%;
    block-size: 1rem;
  }
  @keyframes acct-pulse {
    50% {
      opacity: 0.5;
    }
  }
  /* A user who asked for less motion sees the placeholder still (WCAG 2.3.3). */
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
`;
