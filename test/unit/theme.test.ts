import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contrastRatio } from '@acct/core';
import { BRAND_TOKENS, PRIMITIVES, resolveToken, SCALE_TOKENS, SEMANTIC_TOKENS, THEME_TOKENS, type ConcreteTheme, type SemanticToken } from '../../packages/elements/src/theme/tokens.js';

const themes = Object.keys(THEME_TOKENS) as ConcreteTheme[];

/** Text pairs need 4.5:1 (WCAG 1.4.3); borders of controls and the focus ring 3:1 (1.4.11). */
const PAIRS: [SemanticToken, SemanticToken, number][] = [
  ['color-text', 'color-surface', 4.5],
  ['color-text', 'color-surface-raised', 4.5],
  ['color-text', 'color-surface-sunken', 4.5],
  ['color-text', 'color-info-surface', 4.5],
  ['color-text-muted', 'color-surface', 4.5],
  ['color-text-muted', 'color-surface-raised', 4.5],
  ['color-on-accent', 'color-accent', 4.5],
  ['color-accent-text', 'color-surface-raised', 4.5],
  ['color-accent-text', 'color-surface', 4.5],
  ['color-on-danger', 'color-danger-fill', 4.5],
  ['color-danger-text', 'color-surface-raised', 4.5],
  ['color-danger-text', 'color-danger-surface', 4.5],
  ['color-success-text', 'color-success-surface', 4.5],
  ['color-warning-text', 'color-warning-surface', 4.5],
  ['color-border-strong', 'color-surface-raised', 3],
  ['color-border-strong', 'color-surface-sunken', 3],
  ['color-focus', 'color-surface-raised', 3],
  ['color-focus', 'color-surface', 3],
  ['color-accent', 'color-surface-raised', 3],
];

describe('themes', () => {
  it('every theme defines every semantic token with a known primitive or brand token', () => {
    for (const theme of themes) {
      assert.deepEqual(Object.keys(THEME_TOKENS[theme]).sort(), [...SEMANTIC_TOKENS].sort(), theme);
      for (const token of SEMANTIC_TOKENS) {
        const v = THEME_TOKENS[theme][token];
        if (typeof v === 'string') assert.ok(v in PRIMITIVES, `${theme} ${token} -> ${v}`);
        else assert.ok(v.brand in BRAND_TOKENS, `${theme} ${token} -> ${v.brand}`);
      }
    }
  });

  for (const theme of themes) {
    it(`${theme}: text and control colours meet WCAG AA`, () => {
      for (const [fg, bg, min] of PAIRS) {
        const ratio = contrastRatio(resolveToken(theme, fg), resolveToken(theme, bg));
        assert.ok(ratio !== undefined && ratio >= min, `${theme}: ${fg} on ${bg} = ${ratio?.toFixed(2)} < ${min}`);
      }
    });
  }

  it('no component reads a token that no theme defines', () => {
    const defined = new Set([
      ...SEMANTIC_TOKENS,
      ...Object.keys(PRIMITIVES),
      ...Object.keys(SCALE_TOKENS),
      ...Object.keys(BRAND_TOKENS),
      'brand-font',
      'brand-radius',
    ].map((t) => `--acct-${t}`));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'generated') walk(path);
        } else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk('packages/elements/src');
    // `--acct-<component>-*` tokens are optional component overrides and always have a fallback.
    const componentToken = /^--acct-[a-z]+(-[a-z]+)*$/;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/var\((--acct-[a-z0-9-]+)(\s*,)?/g)) {
        const [, name, hasFallback] = m;
        if (defined.has(name!)) continue;
        assert.ok(hasFallback && componentToken.test(name!), `${file} reads ${name}, which no theme defines`);
      }
    }
  });
});
