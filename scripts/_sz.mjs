import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import config from '../rollup.config.mjs';
const bundleConfig = config.find((c) => c.output?.dir === 'dist');
const build = await rollup({ ...bundleConfig, input: 'packages/elements/src/profile/define.ts', onwarn: () => {} });
const { output } = await build.generate({ format: 'esm', inlineDynamicImports: false });
const main = output.find((o) => o.type === 'chunk' && o.isEntry);
console.log(gzipSync(Buffer.from(main.code), { level: 9 }).length);
