import type { StorybookConfig } from '@storybook/web-components-vite';
import { transform } from 'esbuild';
import { defaultClientConditions, mergeConfig, type Plugin } from 'vite';

/**
 * Vite 8 (oxc) does not compile TypeScript's legacy decorators the way tsc does. esbuild lowers
 * them first, with the compiler options of the root tsconfig.json that change the output. Only our
 * own sources: dependencies ship JS.
 */
function lowerDecorators(): Plugin {
  return {
    name: 'acct:lower-decorators',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?', 1)[0];
      if (!file.endsWith('.ts') || file.endsWith('.d.ts') || file.includes('/node_modules/') || file.startsWith('\0')) return null;
      const result = await transform(code, {
        loader: 'ts',
        target: 'es2022',
        sourcefile: file,
        sourcemap: 'external',
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false, verbatimModuleSyntax: true } },
      });
      return { code: result.code, map: result.map || null };
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(base) {
    // Workspace packages resolve to their TypeScript sources through the "source" condition.
    const conditions = [...new Set(['source', ...(base.resolve?.conditions ?? defaultClientConditions)])];
    const merged = mergeConfig(base, {
      plugins: [lowerDecorators()],
      // ipaddr.js is CommonJS only; pre-bundling turns it into ESM for the dev server (the
      // production build's bundler handles CommonJS by itself).
      optimizeDeps: { include: ['ipaddr.js'] },
      // Storybook's own chunks (axe, the docs blocks, the preview runtime) are 0.6-1 MB; ours are small.
      build: { chunkSizeWarningLimit: 1200 },
    });
    merged.resolve = { ...merged.resolve, conditions };
    return merged;
  },
};

export default config;
