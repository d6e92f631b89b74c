/**
 * `npm start`: the reference server on 127.0.0.1 with its SQLite file, serving the demo billing
 * page. Options: `--port N` (default 8080, 0 = any free port), `--db FILE` (default
 * .data/acct.sqlite), `--trust-proxy`, `--production`; or PORT / ACCT_DB / NODE_ENV=production.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_CREDENTIALS, SAMPLE_ACCOUNTS } from '@acct/adapter-memory';
import { startServer } from './app.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    db: { type: 'string' },
    'trust-proxy': { type: 'boolean', default: false },
    production: { type: 'boolean', default: process.env.NODE_ENV === 'production' },
  },
});
const dbFile = resolve(root, values.db ?? process.env.ACCT_DB ?? '.data/acct.sqlite');
const { url } = await startServer({
  port: Number(values.port ?? process.env.PORT ?? 8080),
  dbFile,
  trustProxy: values['trust-proxy'],
  production: values.production,
  staticRoot: root,
});
process.stdout.write(
  [
    `acct-widgets demo billing site on the reference server: ${url}`,
    `SQLite database: ${dbFile}`,
    `Sign in as ${SAMPLE_ACCOUNTS['billing-individual'].viewer.username} (or any sample account) with the password: ${DEMO_CREDENTIALS.password}`,
    values.production ? '' : `Development outbox (codes the demo "sends"): ${url}api/dev/outbox`,
    '',
  ].join('\n'),
);
