/**
 * The theme names, without zod. The provider and the panel settings' first paint list them; in
 * panel.ts, beside the schemas that panel settings' lazy `schemas.ts` imports, they would put that
 * whole module (its zod schemas, and zod) into the entry, since rollup splits by module.
 */
export const THEMES = ['light', 'dark', 'branded', 'auto'] as const;
