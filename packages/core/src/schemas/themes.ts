/**
 * The theme names, without zod: the provider and the panel settings' first paint list them, and a
 * module with zod schemas that an entry imports keeps those schemas (and zod) in the entry.
 */
export const THEMES = ['light', 'dark', 'branded', 'auto'] as const;
