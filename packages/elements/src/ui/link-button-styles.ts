import { css } from 'lit';

// Only some elements need these rules: those import them, or adopt them from the chunk that renders
// them (ui/adopt.ts). Its own module, so no other entry carries it (lit's css`` is never dropped).

/** `<button class="link">`: an action that reads as a link. */
export const linkButtonStyles = css`
  button.link {
    border: 0;
    background: none;
    color: var(--acct-color-accent-text);
    text-decoration: underline;
    padding: 0;
    min-block-size: auto;
  }
`;
