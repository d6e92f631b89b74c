import configs from '/work/main/rollup.config.mjs';
import terser from '@rollup/plugin-terser';
const c = configs[5];
const opts = JSON.parse(process.env.TERSER ?? '{}');
c.plugins = c.plugins.map((p) => p && p.name === 'terser' ? terser({ ecma: 2022, module: true, format: { comments: false }, ...opts, compress: { passes: 3, ...(opts.compress ?? {}) } }) : p);
c.output = { ...c.output, dir: '/tmp/rbout', sourcemap: false };
export default c;
