import * as z from 'zod/mini';
import { IsoDateTime, orEmpty } from './common.js';
import { Role } from './viewer.js';

export const Session = z.object({
  id: z.string(),
  current: z.boolean(),
  ip: z.string(),
  userAgent: z.string(),
  lastActiveAt: IsoDateTime,
});
export type Session = z.infer<typeof Session>;
export const SessionList = z.array(Session);

export const LoginRecord = z.object({
  at: IsoDateTime,
  ip: z.string(),
  userAgent: z.string(),
  location: z.optional(z.string()),
  success: z.boolean(),
});
export type LoginRecord = z.infer<typeof LoginRecord>;
export const LoginPage = z.object({ items: z.array(LoginRecord), nextCursor: z.optional(z.string()) });
export type LoginPage = z.infer<typeof LoginPage>;

export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  /** Visible start of the key, so the user can tell keys apart; never the secret. */
  prefix: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: z.optional(IsoDateTime),
  expiresAt: z.optional(IsoDateTime),
});
export type ApiKey = z.infer<typeof ApiKey>;
export const ApiKeyList = z.array(ApiKey);
/** The secret appears here only, once. */
export const CreatedApiKey = z.object({ key: ApiKey, secret: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const AccountUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.optional(z.string()),
  role: Role,
  status: z.enum(['invited', 'active']),
  /** The signed-in user's own row (as `Session.current`), so nobody removes themselves. */
  current: z.optional(z.boolean()),
});
export type AccountUser = z.infer<typeof AccountUser>;
export const AccountUserList = z.array(AccountUser);
/** What `users.updateRole` answers: the user, or nothing. */
export const MaybeAccountUser = orEmpty(AccountUser);
