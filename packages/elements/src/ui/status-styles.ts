import { css } from 'lit';

// Only some elements need these rules: those import them, or adopt them from the chunk that renders
// them (ui/adopt.ts). Its own module, so no other entry carries it (lit's css`` is never dropped).

/** `<dl class="status">`: label and value pairs (profile, overview, email change). */
export const statusStyles = css`
  dl.status {
    margin: 0;
    display: grid;
    gap: var(--acct-space-xs);
  }
  dl.status dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--acct-space-s);
    align-items: center;
  }
`;
