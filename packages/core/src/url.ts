const SAFE_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * The only way a URL from data reaches an attribute: lit does not check `href`, so anything but
 * http(s) and mailto (javascript:, data:, vbscript:) is dropped. Relative URLs resolve against
 * `base` (the page in a browser).
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base ?? (globalThis as { location?: { href: string } }).location?.href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
