import { css } from 'lit';

/** Styles only the forms use (strength meter, QR code, recovery codes, the support request). */
export const formStyles = css`
  .strength {
    display: grid;
    gap: var(--acct-space-xs);
  }
  meter {
    inline-size: 100%;
    max-inline-size: 36rem;
    block-size: var(--acct-space-s);
  }
  /* The quiet zone is in the image (white in every theme); 13.5rem gives a typical otpauth code over 4 px a module. */
  .qr {
    inline-size: 13.5rem;
    block-size: 13.5rem;
    background: var(--acct-color-white);
    border-radius: var(--acct-radius-s);
  }
  .qr path {
    fill: var(--acct-color-black);
  }
  .secret {
    font-size: var(--acct-font-size-m);
    letter-spacing: 0.05em;
  }
  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: var(--acct-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .subsection {
    border-block-start: 1px solid var(--acct-color-border);
    padding-block-start: var(--acct-space-m);
    display: grid;
    gap: var(--acct-space-s);
  }
`;
