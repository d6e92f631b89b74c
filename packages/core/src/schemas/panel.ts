import * as z from 'zod/mini';

import { THEMES } from './themes.js';

export { THEMES };
export const ThemeName = z.enum(THEMES);
export type ThemeName = z.infer<typeof ThemeName>;

export const PanelSettings = z.object({
  /** BCP 47 language tag of the interface (`en`, `ru`). */
  language: z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/)),
  theme: ThemeName,
});
export type PanelSettings = z.infer<typeof PanelSettings>;
