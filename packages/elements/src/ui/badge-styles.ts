import { css } from 'lit';

// Only some elements need these rules: those import them, or adopt them from the chunk that renders
// them (ui/adopt.ts). Its own module, so no other entry carries it (lit's css`` is never dropped).

/** `.badge` with an optional `data-tone`: a short status beside a value. */
export const badgeStyles = css`
  .badge {
    font-size: var(--acct-font-size-s);
    border-radius: var(--acct-radius-s);
    padding: 0 var(--acct-space-s);
    background: var(--acct-color-info-surface);
    color: var(--acct-color-text);
  }
  .badge[data-tone='danger'] {
    background: var(--acct-color-danger-surface);
    color: var(--acct-color-danger-text);
  }
  .badge[data-tone='success'] {
    background: var(--acct-color-success-surface);
    color: var(--acct-color-success-text);
  }
  .badge[data-tone='warning'] {
    background: var(--acct-color-warning-surface);
    color: var(--acct-color-warning-text);
  }
`;
