/**
 * The surfaces the branded theme shows accent text and the focus ring on: light's
 * `color-surface-raised` and `color-surface`, and the danger, success and warning banners (a
 * link or a focused Retry in them). Literal so the provider does not pull the token data into the
 * bundle; the theme unit test keeps them equal to tokens.ts.
 */
export const BRANDED_TEXT_SURFACES: readonly string[] = ['#ffffff', '#f6f7f9', '#fef3f2', '#e6f4ea', '#fff4d6'];
