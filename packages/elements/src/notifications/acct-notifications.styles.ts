import { css } from 'lit';

export const notificationsStyles = css`
  .amount {
    max-inline-size: 16rem;
  }
  .amount input {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;
