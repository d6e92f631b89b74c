/**
 * Billing IP restrictions: one entry per line (IPv4, IPv6, CIDR, `a-b` range), blank lines and
 * `#` comments ignored. Parsing is stricter than ipaddr.js alone on purpose: ipaddr.js accepts
 * the legacy inet_aton forms (`010.0.0.1` as octal 8.0.0.1, `0x7f.1`, `127.1`), which a person
 * typing an allow-list never means, so those lines are reported instead of silently reread.
 */
import ipaddr from 'ipaddr.js';

export type IpFamily = 'ipv4' | 'ipv6';

/** One accepted line. `start`/`end` are the first and last address as integers (inclusive). */
export interface IpRule {
  line: number;
  /** Canonical text: `203.0.113.0/24`, `2001:db8::1`, `10.0.0.1-10.0.0.9`. */
  text: string;
  family: IpFamily;
  kind: 'address' | 'cidr' | 'range';
  start: bigint;
  end: bigint;
}

/**
 * Why a line was reported. The first group makes a line unusable (it is not in `rules`); the
 * last three flag lines that parse but deserve a second look (see {@link isIpRuleWarning}).
 */
export type IpRuleReason =
  | 'invalid'
  | 'leading_zeros'
  | 'ipv4_shorthand'
  | 'zone_id'
  | 'prefix_invalid'
  | 'host_bits_set'
  | 'range_reversed'
  | 'range_mixed_family'
  | 'duplicate'
  | 'contained'
  | 'allows_everyone';

export interface IpRuleError {
  /** 1-based line number in the text. */
  line: number;
  reason: IpRuleReason;
  /** For `duplicate` and `contained`: the line of the other entry. */
  other?: number;
}

export interface ParsedIpRules {
  rules: IpRule[];
  errors: IpRuleError[];
}

const WARNINGS: ReadonlySet<IpRuleReason> = new Set(['duplicate', 'contained', 'allows_everyone']);

/** Warnings flag a usable line (it is still in `rules`); everything else is an error. */
export function isIpRuleWarning(reason: IpRuleReason): boolean {
  return WARNINGS.has(reason);
}

type Parsed = { ok: true; family: IpFamily; value: bigint; text: string } | { ok: false; reason: IpRuleReason };

const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };
const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
// What a person may have meant as an IPv4 address in a legacy form: hex, octal, fewer parts.
const IPV4_LIKE = /^(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}$/i;
const IPV6_CHARS = /^[0-9a-f:.]+$/i;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

function ipv4Value(octets: number[]): bigint {
  return BigInt(((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3]);
}

function ipv6Value(parts: number[]): bigint {
  let v = 0n;
  for (const p of parts) v = (v << 16n) | BigInt(p);
  return v;
}

/**
 * Dotted-quad IPv4 by hand (one regex and the arithmetic) rather than through ipaddr.js's
 * constructor, which most lines of a long list went through: a 10,000-line paste is checked faster.
 */
function parseIpv4(token: string): Parsed {
  const m = DOTTED.exec(token);
  if (!m) return { ok: false, reason: IPV4_LIKE.test(token) ? 'ipv4_shorthand' : 'invalid' };
  // Leading zeros first: `010.0.0.300` is reported for the zeros, as a person reads it first.
  for (let i = 1; i <= 4; i++) if (m[i].length > 1 && m[i][0] === '0') return { ok: false, reason: 'leading_zeros' };
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return { ok: false, reason: 'invalid' };
    value = value * 256 + octet;
  }
  return { ok: true, family: 'ipv4', value: BigInt(value), text: token };
}

function parseIpv6(token: string): Parsed {
  if (!IPV6_CHARS.test(token)) return { ok: false, reason: 'invalid' };
  const groups = token.split(':');
  const last = groups[groups.length - 1];
  // An embedded IPv4 tail (`::ffff:192.0.2.1`) follows the IPv4 rules: no octal, no short forms.
  if (last.includes('.')) {
    const tail = parseIpv4(last);
    if (!tail.ok) return tail;
    groups.pop();
  }
  if (groups.some((g) => g !== '' && !HEX_GROUP.test(g))) return { ok: false, reason: 'invalid' };
  let addr: ipaddr.IPv6;
  try {
    addr = ipaddr.IPv6.parse(token);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  // IPv4-mapped addresses (::ffff:a.b.c.d) are the IPv4 address: that is how servers see them.
  // (ipaddr's isIPv4MappedAddress() matches the address against every special range first.)
  const p = addr.parts;
  if (p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0xffff) {
    const v4 = addr.toIPv4Address();
    return { ok: true, family: 'ipv4', value: ipv4Value(v4.octets), text: v4.toString() };
  }
  return { ok: true, family: 'ipv6', value: ipv6Value(addr.parts), text: addr.toString() };
}

/** One address, strictly. Never throws. */
function parseAddress(token: string): Parsed {
  if (token.includes('%')) return { ok: false, reason: 'zone_id' };
  return token.includes(':') ? parseIpv6(token) : parseIpv4(token);
}

function mask(family: IpFamily, prefix: number): bigint {
  const bits = BigInt(BITS[family] - prefix);
  return (1n << bits) - 1n;
}

/** `rule.line` is 0 until parseLines sets it (one object shape for every rule). */
type LineResult = { ok: true; rule: IpRule } | { ok: false; reason: IpRuleReason };

function parseCidr(entry: string): LineResult {
  const slash = entry.indexOf('/');
  const addrText = entry.slice(0, slash).trim();
  const prefixText = entry.slice(slash + 1).trim();
  const addr = parseAddress(addrText);
  if (!addr.ok) return addr;
  if (!PREFIX.test(prefixText)) return { ok: false, reason: 'prefix_invalid' };
  let prefix = Number(prefixText);
  // `::ffff:192.0.2.0/120` is the IPv4 network 192.0.2.0/24.
  if (addr.family === 'ipv4' && addrText.includes(':')) {
    if (prefix < 96 || prefix > 128) return { ok: false, reason: 'prefix_invalid' };
    prefix -= 96;
  }
  if (prefix > BITS[addr.family]) return { ok: false, reason: 'prefix_invalid' };
  const hostBits = mask(addr.family, prefix);
  if ((addr.value & hostBits) !== 0n) return { ok: false, reason: 'host_bits_set' };
  return {
    ok: true,
    rule: { line: 0, text: `${addr.text}/${prefix}`, family: addr.family, kind: 'cidr', start: addr.value, end: addr.value | hostBits },
  };
}

function parseRange(entry: string): LineResult {
  const parts = entry.split('-');
  if (parts.length !== 2) return { ok: false, reason: 'invalid' };
  const a = parseAddress(parts[0].trim());
  if (!a.ok) return a;
  const b = parseAddress(parts[1].trim());
  if (!b.ok) return b;
  if (a.family !== b.family) return { ok: false, reason: 'range_mixed_family' };
  if (a.value > b.value) return { ok: false, reason: 'range_reversed' };
  return { ok: true, rule: { line: 0, text: `${a.text}-${b.text}`, family: a.family, kind: 'range', start: a.value, end: b.value } };
}

function parseEntry(entry: string): LineResult {
  if (entry.includes('/')) return parseCidr(entry);
  if (entry.includes('-')) return parseRange(entry);
  const addr = parseAddress(entry);
  if (!addr.ok) return addr;
  return { ok: true, rule: { line: 0, text: addr.text, family: addr.family, kind: 'address', start: addr.value, end: addr.value } };
}

/** Flags duplicates and entries inside another one: a sort and one sweep, O(n log n). */
function flagOverlaps(rules: IpRule[], errors: IpRuleError[]): void {
  const sorted = [...rules].sort((x, y) =>
    x.family !== y.family
      ? x.family < y.family
        ? -1
        : 1
      : x.start !== y.start
        ? x.start < y.start
          ? -1
          : 1
        : x.end !== y.end
          ? x.end > y.end
            ? -1
            : 1
          : x.line - y.line,
  );
  let cover: IpRule | undefined;
  for (const r of sorted) {
    if (cover && cover.family === r.family && r.end <= cover.end) {
      const same = cover.start === r.start && cover.end === r.end;
      errors.push({ line: r.line, reason: same ? 'duplicate' : 'contained', other: cover.line });
    } else {
      cover = r;
    }
  }
}

/** Parses lines `[from, to)` of the list into `out`. */
function parseLines(lines: string[], from: number, to: number, out: ParsedIpRules): void {
  const { rules, errors } = out;
  for (let i = from; i < to; i++) {
    const hash = lines[i].indexOf('#');
    const entry = (hash >= 0 ? lines[i].slice(0, hash) : lines[i]).trim();
    if (!entry) continue;
    const line = i + 1;
    const result = parseEntry(entry);
    if (!result.ok) {
      errors.push({ line, reason: result.reason });
      continue;
    }
    const rule = result.rule;
    rule.line = line;
    rules.push(rule);
    if (rule.start === 0n && rule.end === mask(rule.family, 0)) errors.push({ line, reason: 'allows_everyone' });
  }
}

function splitLines(text: string): string[] {
  return String(text ?? '').split(/\r\n|\r|\n/);
}

function finish(out: ParsedIpRules): ParsedIpRules {
  flagOverlaps(out.rules, out.errors);
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}

/**
 * Parses an allow-list, one entry per line. Every bad line is reported with its 1-based number
 * and a stable reason; lines that parse are in `rules` (warnings included). Never throws.
 */
export function parseIpRules(text: string): ParsedIpRules {
  const lines = splitLines(text);
  const out: ParsedIpRules = { rules: [], errors: [] };
  parseLines(lines, 0, lines.length, out);
  return finish(out);
}

export interface IpRulesSliceOptions {
  /** Lines parsed between two yields to the event loop (default 1000, a few milliseconds). */
  sliceSize?: number;
  /** Stops at the next yield (the text changed meanwhile): the promise rejects with the reason. */
  signal?: AbortSignal;
}

/** Lets input, rendering and other tasks run: `scheduler.yield()` where there is one, else a task. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * {@link parseIpRules} for long lists without a long main-thread task: the lines are parsed in
 * slices with a yield to the event loop between them, so typing and painting stay responsive
 * while a pasted list of many thousand lines is checked. Same result as `parseIpRules`.
 */
export async function parseIpRulesInSlices(text: string, options: IpRulesSliceOptions = {}): Promise<ParsedIpRules> {
  const size = Math.max(1, Math.floor(options.sliceSize ?? 1000));
  const { signal } = options;
  const lines = splitLines(text);
  const out: ParsedIpRules = { rules: [], errors: [] };
  for (let from = 0; from < lines.length; from += size) {
    if (from) await yieldToEventLoop();
    signal?.throwIfAborted();
    parseLines(lines, from, Math.min(from + size, lines.length), out);
  }
  return finish(out);
}

/**
 * Whether `ip` may pass: an empty list restricts nothing; otherwise the address must fall in one
 * rule. IPv4-mapped IPv6 addresses count as IPv4. An unreadable address is refused, never thrown.
 */
export function ipRulesAllow(rules: readonly IpRule[], ip: string): boolean {
  if (rules.length === 0) return true;
  const addr = typeof ip === 'string' ? parseAddress(ip.trim()) : undefined;
  if (!addr?.ok) return false;
  return rules.some((r) => r.family === addr.family && r.start <= addr.value && addr.value <= r.end);
}

/** The canonical form of one address (`::ffff:192.0.2.1` -> `192.0.2.1`), or undefined. */
export function normaliseIp(ip: string): string | undefined {
  const addr = parseAddress(String(ip ?? '').trim());
  return addr.ok ? addr.text : undefined;
}
