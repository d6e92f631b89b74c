import { css } from 'lit';

export const loginHistoryStyles = css`
  td:nth-child(2),
  td:first-of-type {
    font-variant-numeric: tabular-nums;
  }
`;
