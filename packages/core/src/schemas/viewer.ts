import * as z from 'zod/mini';
import { IsoDateTime } from './common.js';

export const Role = z.enum(['owner', 'admin', 'user']);
export type Role = z.infer<typeof Role>;

export const Viewer = z.object({
  username: z.string(),
  role: Role,
  currentIp: z.optional(z.string()),
  lastLogin: z.optional(z.object({ ip: z.string(), at: IsoDateTime })),
});
export type Viewer = z.infer<typeof Viewer>;

export type ReauthInput = { password: string } | { code: string };
