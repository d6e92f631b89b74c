import * as z from 'zod/mini';
import { IsoDateTime, orEmpty } from './common.js';

export const DataExport = z.object({
  id: z.string(),
  status: z.enum(['pending', 'ready', 'expired', 'failed']),
  requestedAt: IsoDateTime,
  url: z.optional(z.string()),
});
export type DataExport = z.infer<typeof DataExport>;

export const PrivacyState = z.object({
  exports: z.array(DataExport),
  deletion: z.optional(z.object({ status: z.enum(['scheduled', 'cancelled', 'done']), at: IsoDateTime })),
});
export type PrivacyState = z.infer<typeof PrivacyState>;
/** What `privacy.requestExport` / `requestDeletion` answer: the new state, or nothing. */
export const MaybePrivacyState = orEmpty(PrivacyState);

export const ReferralState = z.object({ status: z.enum(['none', 'requested', 'member']) });
export type ReferralState = z.infer<typeof ReferralState>;
/** What `referral.requestParticipation` answers: the new state, or nothing. */
export const MaybeReferralState = orEmpty(ReferralState);
