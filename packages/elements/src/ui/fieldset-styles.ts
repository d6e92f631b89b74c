import { css } from 'lit';

// Only some elements need these rules: those import them, or adopt them from the chunk that renders
// them (ui/adopt.ts). Its own module, so no other entry carries it (lit's css`` is never dropped).

/** Groups of controls with a legend. */
export const fieldsetStyles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--acct-space-s);
  }
`;
