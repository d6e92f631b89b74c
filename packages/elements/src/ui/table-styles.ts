import { css } from 'lit';

// Only some elements need these rules: those import them, or adopt them from the chunk that renders
// them (ui/adopt.ts). Its own module, so no other entry carries it (lit's css`` is never dropped).

/** Tables: the list elements and the conflict comparison. */
export const tableStyles = css`
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding: var(--acct-space-xs) var(--acct-space-s);
    border-block-end: 1px solid var(--acct-color-border);
  }
`;
