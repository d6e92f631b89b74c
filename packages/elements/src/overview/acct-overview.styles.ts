import { css } from 'lit';

export const overviewStyles = css`
  .blocks {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    align-items: start;
  }
  .amount {
    font-size: var(--acct-font-size-xl, var(--acct-font-size-l));
    font-weight: var(--acct-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  a.primary {
    font-weight: var(--acct-font-weight-strong);
  }
  .actions-list {
    flex-direction: column;
  }
  form.ticket {
    display: grid;
    gap: var(--acct-space-m);
  }
  textarea {
    resize: vertical;
  }
  .in-place {
    margin-block-start: var(--_gap);
  }
  .in-place-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--acct-space-m);
  }
`;
