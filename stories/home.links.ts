import type { AcctLinks } from '@acct/elements';

/** Host pages a billing site would link from the home elements (placeholders for stories). */
export const STORY_LINKS: AcctLinks = {
  help: 'https://billing.example.com/help',
  knowledgeBase: 'https://docs.example.com/',
  topUp: 'https://billing.example.com/balance/top-up',
  history: 'https://billing.example.com/balance/history',
  documents: 'https://billing.example.com/documents',
  tickets: 'https://billing.example.com/tickets',
  referral: 'https://billing.example.com/referral',
  settings: 'https://billing.example.com/settings',
};
