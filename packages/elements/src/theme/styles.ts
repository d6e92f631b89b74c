import { unsafeCSS, type CSSResult } from 'lit';
import { themeCss } from './tokens.js';

/**
 * The theme tokens as a stylesheet. The bundle build replaces this module with the text computed
 * at build time (rollup.config.mjs `precomputedTheme`), so no token data or generator ships.
 */
export const themeStyles: CSSResult = unsafeCSS(themeCss());
