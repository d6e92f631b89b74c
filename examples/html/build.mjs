// "Builds" the plain HTML example: the page plus the files a host would copy from the package
// (dist/acct-widgets.js, its chunks, and the memory adapter's browser build) into examples/html/dist.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const out = new URL('./dist/', import.meta.url);
const from = (p) => new URL(p, root);
for (const p of ['dist/acct-widgets.js', 'dist/chunks', 'dist/demo/adapter-memory.js']) {
  if (!existsSync(from(p))) throw new Error(`${p} is missing: run \`npm run build\` at the repository root first`);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(new URL('./index.html', import.meta.url), new URL('index.html', out));
cpSync(new URL('./app.js', import.meta.url), new URL('app.js', out));
cpSync(from('dist/acct-widgets.js'), new URL('acct-widgets.js', out));
cpSync(from('dist/chunks'), new URL('chunks', out), { recursive: true });
cpSync(from('dist/demo/adapter-memory.js'), new URL('adapter-memory.js', out));
console.log('examples/html/dist: index.html, app.js, acct-widgets.js, chunks/, adapter-memory.js');
