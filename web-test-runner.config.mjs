import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { requireChrome, CHROME_ARGS } from './scripts/chrome-path.mjs';

const commonjs = fromRollup(rollupCommonjs);

// The policy of DESIGN.md "Security rules". The runner's own inline scripts get a nonce; our code
// and lit must work without one. Trusted Types: only lit's policy may create HTML.
const NONCE = 'acct-wtr';
const CSP = [
  `script-src 'self' 'nonce-${NONCE}'`,
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** Serves test pages under the strict policy. */
function strictCsp() {
  return {
    name: 'strict-csp',
    transform(context) {
      if (context.response.is('html')) {
        context.set('Content-Security-Policy', CSP);
        return { body: context.body.replace(/<script(?=[\s>])/g, `<script nonce="${NONCE}"`), transformCache: false };
      }
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  browsers: [chromeLauncher({ launchOptions: { executablePath: requireChrome(), args: CHROME_ARGS } })],
  plugins: [
    commonjs({ include: ['**/node_modules/ipaddr.js/**'], strictRequires: false }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    strictCsp(),
  ],
  testFramework: { config: { timeout: 10000, ...(process.env.GREP ? { grep: process.env.GREP } : {}) } },
};
