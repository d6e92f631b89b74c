import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  estimatePasswordStrength,
  ipRulesAllow,
  isIpRuleWarning,
  normaliseIp,
  parseIpRules,
  passwordLength,
  passwordMinLength,
  validatePassword,
} from '@acct/core';

const reasons = (text: string) => parseIpRules(text).errors.map((e) => [e.line, e.reason]);

test('parseIpRules accepts IPv4, IPv6, CIDR and ranges, skipping blanks and comments', () => {
  const { rules, errors } = parseIpRules(
    ['# office', '203.0.113.7', '', '  198.51.100.0/24  # VPN', '2001:db8::/32', '10.0.0.1 - 10.0.0.9', '2001:DB9:1::1', '::ffff:192.0.2.5'].join('\n'),
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(
    rules.map((r) => [r.line, r.kind, r.family, r.text]),
    [
      [2, 'address', 'ipv4', '203.0.113.7'],
      [4, 'cidr', 'ipv4', '198.51.100.0/24'],
      [5, 'cidr', 'ipv6', '2001:db8::/32'],
      [6, 'range', 'ipv4', '10.0.0.1-10.0.0.9'],
      [7, 'address', 'ipv6', '2001:db9:1::1'],
      [8, 'address', 'ipv4', '192.0.2.5'],
    ],
  );
});

test('parseIpRules reports each bad line with its number and reason', () => {
  assert.deepEqual(reasons('010.0.0.1'), [[1, 'leading_zeros']]);
  assert.deepEqual(reasons('1.1.1.1\n127.1\n0x7f.0.0.1\n2130706433'), [
    [2, 'ipv4_shorthand'],
    [3, 'ipv4_shorthand'],
    [4, 'ipv4_shorthand'],
  ]);
  assert.deepEqual(reasons('10.0.0.9-10.0.0.1'), [[1, 'range_reversed']]);
  assert.deepEqual(reasons('10.0.0.1-2001:db8::1'), [[1, 'range_mixed_family']]);
  assert.deepEqual(reasons('10.0.0.1/8\n2001:db8::1/32'), [
    [1, 'host_bits_set'],
    [2, 'host_bits_set'],
  ]);
  assert.deepEqual(reasons('fe80::1%eth0\nfe80::/10'), [[1, 'zone_id']]);
  assert.deepEqual(reasons('hello\n256.1.1.1\n1.2.3.4.5\n10.0.0.0/33\n10.0.0.0/08\n::1/129\n1:2:3:4:5:6:7:8:9\n12345::\n::ffff:010.0.0.1'), [
    [1, 'invalid'],
    [2, 'invalid'],
    [3, 'invalid'],
    [4, 'prefix_invalid'],
    [5, 'prefix_invalid'],
    [6, 'prefix_invalid'],
    [7, 'invalid'],
    [8, 'invalid'],
    [9, 'leading_zeros'],
  ]);
  // Lines that failed are not rules.
  assert.equal(parseIpRules('010.0.0.1\n1.2.3.4').rules.length, 1);
});

test('parseIpRules flags duplicates, entries inside others and allow-everyone, as warnings', () => {
  const { rules, errors } = parseIpRules('10.0.0.0/8\n10.1.2.3\n10.0.0.0-10.255.255.255\n0.0.0.0/0\n::/0\n2001:db8::1\n2001:db8::1');
  assert.equal(rules.length, 7);
  assert.deepEqual(
    errors.map((e) => [e.line, e.reason, e.other]),
    [
      [1, 'contained', 4],
      [2, 'contained', 4],
      [3, 'contained', 4],
      [4, 'allows_everyone', undefined],
      [5, 'allows_everyone', undefined],
      [6, 'contained', 5],
      [7, 'contained', 5],
    ],
  );
  const dup = parseIpRules('10.0.0.0/8\n10.1.2.3\n10.0.0.0-10.255.255.255').errors;
  assert.deepEqual(dup.map((e) => [e.line, e.reason, e.other]), [
    [2, 'contained', 1],
    [3, 'duplicate', 1],
  ]);
  assert.ok(dup.every((e) => isIpRuleWarning(e.reason)));
  assert.equal(isIpRuleWarning('leading_zeros'), false);
});

test('ipRulesAllow matches families, maps IPv4-mapped IPv6 to IPv4 and never throws', () => {
  const { rules } = parseIpRules('203.0.113.0/24\n2001:db8::/32\n10.0.0.1-10.0.0.9');
  assert.equal(ipRulesAllow(rules, '203.0.113.200'), true);
  assert.equal(ipRulesAllow(rules, '203.0.114.1'), false);
  assert.equal(ipRulesAllow(rules, '::ffff:203.0.113.9'), true);
  assert.equal(ipRulesAllow(rules, '2001:db8:ffff::1'), true);
  assert.equal(ipRulesAllow(rules, '2001:db9::1'), false);
  assert.equal(ipRulesAllow(rules, '10.0.0.5'), true);
  assert.equal(ipRulesAllow(rules, '10.0.0.10'), false);
  for (const junk of ['', 'garbage', '010.0.0.1', 'fe80::1%eth0', undefined as unknown as string, null as unknown as string]) {
    assert.equal(ipRulesAllow(rules, junk), false);
  }
  assert.equal(ipRulesAllow([], '198.51.100.1'), true, 'an empty list restricts nothing');
  const mapped = parseIpRules('::ffff:192.0.2.0/120').rules;
  assert.equal(mapped[0].text, '192.0.2.0/24');
  assert.equal(ipRulesAllow(mapped, '192.0.2.77'), true);
  assert.equal(normaliseIp('::FFFF:192.0.2.1'), '192.0.2.1');
  assert.equal(normaliseIp('nope'), undefined);
});

test('parseIpRules handles 10,000 lines quickly', () => {
  const lines = Array.from({ length: 10_000 }, (_, i) =>
    i % 4 === 0 ? `10.${(i >> 8) & 255}.${i & 255}.0/24` : i % 4 === 1 ? `2001:db8:${i.toString(16)}::/48` : i % 4 === 2 ? `192.0.${i & 255}.${i % 200}` : `bad-${i}`,
  );
  const t = performance.now();
  const { rules, errors } = parseIpRules(lines.join('\n'));
  const ms = performance.now() - t;
  assert.ok(rules.length > 7000 && errors.length >= 2500);
  assert.ok(ms < 2000, `took ${ms} ms`); // generous: CI machines are shared; scripts/bench-ip.mjs measures for real
});

test('validatePassword: NIST length in code points, blocklist, user inputs, value untouched', () => {
  assert.deepEqual(validatePassword(''), { ok: false, reason: 'required' });
  assert.deepEqual(validatePassword('short one'), { ok: false, reason: 'too_short' });
  assert.equal(passwordLength('🔑🔑🔑🔑🔑🔑🔑🔑'), 8);
  assert.deepEqual(validatePassword('🔑🔑🔑🔑🔑🔑🔑🔑', { minLength: 8 }), { ok: true, value: '🔑🔑🔑🔑🔑🔑🔑🔑' });
  assert.deepEqual(validatePassword('🔑🔑🔑🔑🔑🔑🔑', { minLength: 8 }), { ok: false, reason: 'too_short' });
  const long = 'x'.repeat(64) + 'Y!';
  assert.deepEqual(validatePassword(long), { ok: true, value: long }, '64+ allowed');
  assert.deepEqual(validatePassword('y'.repeat(300)), { ok: false, reason: 'too_long' });
  assert.deepEqual(validatePassword('Password1', { minLength: 8 }), { ok: false, reason: 'common' });
  assert.deepEqual(validatePassword('QWERTYUIOP', { minLength: 8 }), { ok: false, reason: 'common' });
  assert.deepEqual(validatePassword('my name is ivanov and i like tea', { userInputs: ['ivanov'] }), {
    ok: false,
    reason: 'contains_user_input',
  });
  assert.deepEqual(validatePassword('petrov.family rocks forever', { userInputs: ['user', 'petrov.family@example.com'] }), {
    ok: false,
    reason: 'contains_user_input',
  });
  const spaced = '  correct horse battery staple  ';
  assert.deepEqual(validatePassword(spaced), { ok: true, value: spaced }, 'sent exactly as typed');
  assert.equal(passwordMinLength(), 15);
  assert.equal(passwordMinLength({ twoFactor: true }), 8);
  assert.equal(passwordMinLength({ twoFactor: true, policy: { minLength: 12 } }), 12);
});

test('estimatePasswordStrength explains itself', () => {
  assert.equal(estimatePasswordStrength('abc').score, 0);
  assert.ok(estimatePasswordStrength('abc').feedback.includes('too_short'));
  const seq = estimatePasswordStrength('abcdefghijklmnop1234');
  assert.ok(seq.feedback.includes('sequence'));
  assert.ok(seq.score <= 2);
  const rep = estimatePasswordStrength('aaaaaaaaaaaaaaaaaaaa');
  assert.ok(rep.feedback.includes('repeated'));
  assert.ok(rep.score <= 2);
  const base = estimatePasswordStrength('sunshine-and-more-1');
  assert.ok(base.feedback.includes('common_base'));
  const good = estimatePasswordStrength('violet tractor mumbles quietly');
  assert.ok(good.score >= 3, `score ${good.score}`);
  assert.ok(good.feedback.includes('passphrase') && good.feedback.includes('long_enough'));
});
