// Smoke test of the built Storybook (run `npm run build-storybook` first): serves storybook-static
// on 127.0.0.1, opens every story and docs page of storybook-static/index.json in headless
// Chromium, and fails on page errors, console errors, an empty story root, a failing play
// function or an axe violation (preview.ts sets `a11y.test: 'error'`). Prints a count.
//   node scripts/check-storybook.mjs [filter]   (filter: part of a story id)
//   STORYBOOK_URL=http://127.0.0.1:6006 node scripts/check-storybook.mjs   (a running dev server)
//   GLOBALS='theme:dark;locale:ru' node scripts/check-storybook.mjs   (every story under other toolbar
//   globals; a story's own globals still win)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from './chrome-path.mjs';

const ROOT = resolve('storybook-static');
const TIMEOUT = 20_000;
const filter = process.argv[2] ?? '';
const globalsParam = process.env.GLOBALS ? `&globals=${encodeURIComponent(process.env.GLOBALS)}` : '';

/** Beyond "renders something": what a few stories must show (a renamed story fails here too). */
const EXPECT = {
  'elements-panel-settings--overview': { 'acct-panel-settings': 'select[name="language"]' },
  'elements-panel-settings--save-flow': { 'acct-panel-settings': 'select[name="language"]' },
  'elements-provider--white-label': { 'acct-panel-settings': 'select[name="language"]' },
  'elements-security--overview': { 'acct-security': 'textarea[name="ipRules"]' },
  'guides-branding--branding': { 'acct-settings': '[role="tablist"]' },
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    // Storybook has none; the browser asks anyway and logs the 404 as a console error.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = join(ROOT, path.endsWith('/') ? `${path}index.html` : path);
    // Read before writeHead: a missing file must become a 404, not a second writeHead.
    let body;
    try {
      if (!file.startsWith(ROOT)) throw new Error('outside root');
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * Runs in the page before Storybook: catches the channel when the preview creates it and keeps
 * the outcome of the render (STORY_FINISHED carries the play result and the a11y report).
 */
function watchStorybook() {
  const summary = (reporters) =>
    reporters
      .filter((r) => r.type === 'a11y')
      .map((r) => ({
        status: r.status,
        error: r.result?.error ? String(r.result.error.message ?? r.result.error) : undefined,
        violations: (r.result?.violations ?? []).map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => JSON.stringify(n.target)),
        })),
      }));
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      const done = (result) => (globalThis.__acctCheck ??= result);
      const problems = (globalThis.__acctProblems = []);
      value.on('storyFinished', ({ status, reporters }) => done({ status, a11y: summary(reporters ?? []) }));
      value.on('docsRendered', () => done({ status: 'success', a11y: [] }));
      value.on('playFunctionThrewException', (e) => problems.push(`play function: ${e?.message ?? e}`));
      value.on('unhandledErrorsWhilePlaying', (errors) => problems.push(...errors.map((e) => `unhandled while playing: ${e?.message ?? e}`)));
      value.on('storyThrewException', (e) => problems.push(`story threw: ${e?.message ?? e}`));
      value.on('storyErrored', (e) => problems.push(`story errored: ${e?.title ?? ''} ${e?.description ?? ''}`));
      value.on('storyMissing', (id) => {
        problems.push(`story missing: ${id}`);
        done({ status: 'error', a11y: [] });
      });
    },
  });
}

/** In the page: the story root, and every acct-* element (through shadow roots) with its content. */
function inspect(expect) {
  const root = document.querySelector('#storybook-root');
  const elements = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.localName.startsWith('acct-')) elements.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root) walk(root);
  const errors = [];
  // The web-components renderer renders lit templates into #root-inner.
  const content = root?.querySelector('#root-inner') ?? root;
  if (!content || (content.childElementCount === 0 && !content.textContent?.trim())) errors.push('story root is empty');
  if (document.body.classList.contains('sb-show-errordisplay')) {
    errors.push(`Storybook shows an error: ${document.querySelector('#error-message')?.textContent?.trim() ?? ''}`);
  }
  for (const el of elements) {
    if (!customElements.get(el.localName)) errors.push(`<${el.localName}> is not defined`);
    else if (!el.shadowRoot || el.shadowRoot.childElementCount === 0) errors.push(`<${el.localName}> rendered nothing`);
  }
  for (const [tag, selector] of Object.entries(expect ?? {})) {
    const el = elements.find((e) => e.localName === tag);
    if (!el) errors.push(`no <${tag}>`);
    else if (!el.shadowRoot?.querySelector(selector)) errors.push(`<${tag}> has no ${selector}`);
  }
  return { errors, elements: elements.length };
}

async function checkEntry(context, base, entry) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // The browser's own favicon request is not the story's (a dev server has none either).
    if (m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico')) problems.push(`console error: ${m.text().split('\n')[0]}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const started = Date.now();
  try {
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}${globalsParam}`, { waitUntil: 'load' });
    const handle = await page.waitForFunction(() => globalThis.__acctCheck, undefined, { timeout: TIMEOUT });
    const result = await handle.jsonValue();
    problems.push(...(await page.evaluate(() => globalThis.__acctProblems ?? [])));
    for (const report of result.a11y) {
      if (report.error) problems.push(`a11y check failed to run: ${report.error}`);
      for (const v of report.violations) problems.push(`a11y ${v.impact ?? ''} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
    }
    if (result.status !== 'success' && !problems.length) problems.push(`story finished with status ${result.status}`);
    if (entry.type === 'docs') {
      const empty = await page.evaluate(() => !document.querySelector('#storybook-docs')?.textContent?.trim());
      if (empty) problems.push('docs page is empty');
    } else {
      const { errors } = await page.evaluate(inspect, EXPECT[entry.id]);
      problems.push(...errors);
    }
  } catch (e) {
    problems.push(`did not finish: ${e.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return { problems, ms: Date.now() - started };
}

const external = process.env.STORYBOOK_URL?.replace(/\/$/, '');
const index = external
  ? await (await fetch(`${external}/index.json`)).json()
  : JSON.parse(
      await readFile(join(ROOT, 'index.json'), 'utf8').catch(() => {
        console.error('storybook-static/index.json not found: run `npm run build-storybook` first.');
        process.exit(1);
      }),
    );
const entries = Object.values(index.entries).filter((e) => e.id.includes(filter));
const missing = Object.keys(EXPECT).filter((id) => id.includes(filter) && !index.entries[id]);

const server = external ? undefined : await serve();
const base = external ?? `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
let failed = 0;
try {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  await context.addInitScript(watchStorybook);
  for (const entry of entries) {
    const { problems, ms } = await checkEntry(context, base, entry);
    if (problems.length) failed++;
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${entry.type.padEnd(5)} ${entry.id} (${ms} ms)`);
    for (const p of problems) console.log(`       ${p}`);
  }
} finally {
  await browser.close();
  server?.close();
}
for (const id of missing) console.log(`FAIL story ${id} is not in index.json`);
const stories = entries.filter((e) => e.type === 'story').length;
console.log(`${stories} stories and ${entries.length - stories} docs pages checked, ${failed + missing.length} failed`);
process.exit(failed + missing.length || !entries.length ? 1 : 0);
