// The demo billing page: a host site that embeds acct-widgets with one script tag, served on
// 127.0.0.1 under the strict Content-Security-Policy the library promises to work with.
// `npm start` builds first; `node demo/serve.mjs [port]` serves what is built.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only the demo folder and the built dist/ are served. */
function fileFor(urlPath) {
  const path = normalize(decodeURIComponent(urlPath));
  if (path === '/' || path === '/index.html') return join(ROOT, 'demo/index.html');
  if (path.startsWith('/dist/')) return join(ROOT, path);
  if (/^\/demo\/[\w.-]+\.(js|css|svg|html)$/.test(path)) return join(ROOT, path);
  return undefined;
}

export function startDemoServer({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    // Browsers ask for it unprompted; an empty answer keeps the console clean.
    if (pathname === '/favicon.ico') return void res.writeHead(204).end();
    const file = fileFor(pathname);
    let body;
    try {
      if (!file) throw new Error('not served');
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveStart({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const { url } = await startDemoServer({ port });
  console.log(`acct-widgets demo billing page: ${url}`);
  console.log('Demo sign-in password (for re-authentication prompts): correct horse battery staple');
}
