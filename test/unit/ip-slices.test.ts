import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpRules, parseIpRulesInSlices } from '@acct/core/ip';

/** A long list with every kind of line: good entries, bad ones, warnings, blanks, comments, CRLF. */
function longList(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 9) {
      case 0:
        lines.push(`10.${(i >> 8) & 255}.${i & 255}.0/24`);
        break;
      case 1:
        lines.push(`2001:db8:${i.toString(16)}::/48 # office ${i}`);
        break;
      case 2:
        lines.push(`bad ${i}`);
        break;
      case 3:
        lines.push('');
        break;
      case 4:
        lines.push(`  10.${(i >> 8) & 255}.${i & 255}.7  `); // inside the /24 of an earlier line
        break;
      case 5:
        lines.push('010.0.0.1');
        break;
      case 6:
        lines.push(`# comment ${i}`);
        break;
      case 7:
        lines.push(i % 2 ? '10.0.0.9-10.0.0.1' : '203.0.113.0/24');
        break;
      default:
        lines.push(i === 8 ? '0.0.0.0/0' : `192.0.2.${i % 256}`);
    }
  }
  return lines.join(n % 2 ? '\n' : '\r\n');
}

test('parseIpRulesInSlices gives the same rules and errors, with the same line numbers, as parseIpRules', async () => {
  // Small slices on short lists (each yield is a task), the default slice on long ones.
  const cases: [number, number[]][] = [
    [0, [1, 1000]],
    [1, [1, 1000]],
    [40, [1, 7]],
    [999, [37, 1000]],
    [1000, [1000]],
    [1001, [1000]],
    [2500, [333, 1000, 100_000]],
    [10_000, [1000, 4096]],
  ];
  for (const [n, sizes] of cases) {
    const text = longList(n);
    const expected = parseIpRules(text);
    for (const sliceSize of sizes) {
      const actual = await parseIpRulesInSlices(text, { sliceSize });
      assert.deepEqual(actual, expected, `${n} lines in slices of ${sliceSize}`);
    }
  }
});

test('parseIpRulesInSlices reports errors across slice borders with their own lines', async () => {
  const text = ['203.0.113.0/24', 'hello', '# note', '203.0.113.7', '', '127.1', '203.0.113.0/24', '0.0.0.0/0'].join('\n');
  const result = await parseIpRulesInSlices(text, { sliceSize: 2 });
  assert.deepEqual(
    result.errors.map((e) => [e.line, e.reason, e.other]),
    [
      [1, 'contained', 8],
      [2, 'invalid', undefined],
      [4, 'contained', 8],
      [6, 'ipv4_shorthand', undefined],
      [7, 'contained', 8],
      [8, 'allows_everyone', undefined],
    ],
  );
  assert.deepEqual(result, parseIpRules(text));
  assert.deepEqual(
    result.rules.map((r) => r.line),
    [1, 4, 7, 8],
  );
});

test('parseIpRulesInSlices yields to the event loop between slices', async () => {
  const text = longList(5000);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  try {
    await parseIpRulesInSlices(text, { sliceSize: 500 });
  } finally {
    clearInterval(timer);
  }
  assert.ok(ticks > 0, 'other tasks ran while the list was parsed');
});

test('parseIpRulesInSlices stops when its signal is aborted', async () => {
  const controller = new AbortController();
  const parsing = parseIpRulesInSlices(longList(5000), { sliceSize: 100, signal: controller.signal });
  controller.abort(new Error('the text changed'));
  await assert.rejects(parsing, /the text changed/);
  await assert.rejects(parseIpRulesInSlices('10.0.0.1', { signal: AbortSignal.abort() }), { name: 'AbortError' });
});
