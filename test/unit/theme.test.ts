import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BRAND_TOKENS, PRIMITIVES, SCALE_TOKENS, SEMANTIC_TOKENS, THEME_TOKENS, type ConcreteTheme } from '../../packages/elements/src/theme/tokens.js';
import { checkContrast, themeColors } from '../../packages/elements/src/theme/contrast.js';
import { BRANDED_TEXT_SURFACES } from '../../packages/elements/src/theme/surfaces.js';
import { contrastRatio, readableOn, readableShade } from '@acct/core';
import { BRAND_DOCS, SCALE_DOCS, SEMANTIC_DOCS } from '../../packages/elements/src/theme/token-docs.js';

const themes = Object.keys(THEME_TOKENS) as ConcreteTheme[];

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
      for (const r of checkContrast(theme)) {
        assert.ok(r.pass, `${theme}: ${r.fg} on ${r.bg} = ${r.ratio?.toFixed(2)} < ${r.min}`);
      }
    });
  }

  it('a brand colour that is too light fails the branded check (the check can fail)', () => {
    const failing = checkContrast('branded', { 'brand-primary': '#ffd166', 'brand-on-primary': '#ffffff' }).filter((r) => !r.pass);
    assert.ok(failing.some((r) => r.fg === 'color-on-accent' && r.bg === 'color-accent'));
  });

  it('the provider derives brand-primary-text from brand.primary that passes AA on the branded surfaces', () => {
    const colors = themeColors('branded');
    const surfaces = ['color-surface-raised', 'color-surface', 'color-danger-surface', 'color-success-surface', 'color-warning-surface'] as const;
    assert.deepEqual([...BRANDED_TEXT_SURFACES].sort(), surfaces.map((s) => colors[s]).sort());
    // Dark enough already: kept as given, so links, the selected tab and the focus ring match the buttons.
    assert.equal(readableShade('#0f766e', BRANDED_TEXT_SURFACES), '#0f766e');
    for (const primary of ['#14b8a6', '#ffd166', '#ffeb3b', '#ff0000', '#ffffff', '#3b82f6']) {
      const text = readableShade(primary, BRANDED_TEXT_SURFACES);
      assert.ok(text && text !== primary, primary);
      const brand = { 'brand-primary': primary, 'brand-on-primary': readableOn(primary), 'brand-primary-text': text };
      for (const r of checkContrast('branded', brand).filter((p) => p.fg === 'color-accent-text' || p.fg === 'color-focus')) {
        assert.ok(r.pass, `${primary} -> ${text}: ${r.fg} on ${r.bg} = ${r.ratio?.toFixed(2)}`);
      }
      // The lightest such shade: a step lighter would fail, so the brand's colour changes no more than needed.
      const lighter = `#${[1, 3, 5].map((i) => Math.min(255, parseInt(text.slice(i, i + 2), 16) + 3).toString(16).padStart(2, '0')).join('')}`;
      assert.ok(BRANDED_TEXT_SURFACES.some((bg) => (contrastRatio(lighter, bg) ?? 0) < 4.5), `${primary} -> ${text} is darker than needed`);
    }
    assert.equal(readableShade('teal', BRANDED_TEXT_SURFACES), undefined);
  });

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

describe('theming guide data', () => {
  it('every semantic, brand and scale token has a description', () => {
    for (const t of SEMANTIC_TOKENS) assert.ok(SEMANTIC_DOCS[t]?.length, t);
    for (const t of [...Object.keys(BRAND_TOKENS), 'brand-font', 'brand-radius'] as (keyof typeof BRAND_DOCS)[]) assert.ok(BRAND_DOCS[t]?.length, t);
    for (const t of Object.keys(SCALE_TOKENS) as (keyof typeof SCALE_DOCS)[]) assert.ok(SCALE_DOCS[t]?.length, t);
  });
});
