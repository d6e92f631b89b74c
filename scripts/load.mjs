// Optimistic-concurrency load check against the reference server: rounds of N concurrent PATCHes
// that all carry the same If-Match. Each round must have exactly one 200 and N-1 412s, no 5xx, and
// the stored value must be the winner's (no lost update).
// Usage: npm run load -- [N=50] [rounds=10]   (starts its own server on an in-memory database)
import { startServer } from '@acct/server';

const N = Number(process.argv[2] ?? 50);
const ROUNDS = Number(process.argv[3] ?? 10);
const server = await startServer({ port: 0 });
const api = (path) => new URL(`api${path}`, server.url);
let failed = false;
try {
  const login = await fetch(api('/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'jdevries', password: 'correct horse battery staple' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  for (let round = 1; round <= ROUNDS; round++) {
    const { version } = await (await fetch(api('/notifications'), { headers: { cookie } })).json();
    const answers = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const res = await fetch(api('/notifications'), {
          method: 'PATCH',
          headers: { cookie, 'content-type': 'application/json', 'if-match': `"${version}"` },
          body: JSON.stringify({ lowBalance: { threshold: round * 1000 + i } }),
        });
        return { status: res.status, body: await res.json() };
      }),
    );
    const won = answers.filter((a) => a.status === 200);
    const stale = answers.filter((a) => a.status === 412).length;
    const errors = answers.filter((a) => a.status >= 500).length;
    const stored = (await (await fetch(api('/notifications'), { headers: { cookie } })).json()).data.lowBalance.threshold;
    const ok = won.length === 1 && stale === N - 1 && errors === 0 && stored === won[0].body.data.lowBalance.threshold;
    failed ||= !ok;
    console.log(`round ${round}: ${won.length} won, ${stale} got 412, ${errors} 5xx, stored ${stored} ${ok ? 'ok' : 'FAIL'}`);
  }
} finally {
  await server.close();
}
process.exitCode = failed ? 1 : 0;
