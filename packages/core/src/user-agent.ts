/**
 * A short, human summary of a User-Agent header for login history and sessions ("Chrome 136",
 * "macOS 14.5"). Not a full parser: it names the browsers and systems people actually sign in
 * from, plus common API clients, and says "unknown" (undefined) rather than guessing.
 */
export interface UserAgentSummary {
  /** Browser or client name (`Chrome`, `Firefox`, `curl`), undefined when unknown. */
  browser?: string;
  /** Major version of the browser or client. */
  version?: string;
  /** Operating system with its version where the header tells it (`Windows 10`, `iOS 18.4`). */
  os?: string;
  /** The header says phone or tablet. */
  mobile: boolean;
}

// Order matters: Chromium-based browsers also say "Chrome/" and "Safari/", Chrome says "Safari/".
const BROWSERS: [name: string, pattern: RegExp][] = [
  ['Edge', /\b(?:Edg|EdgA|EdgiOS|Edge)\/(\d+)/],
  ['Opera', /\b(?:OPR|OPiOS|Opera)\/(\d+)/],
  ['Yandex Browser', /\bYaBrowser\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Vivaldi', /\bVivaldi\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:CriOS|Chrome)\/(\d+)/],
  ['Chromium', /\bChromium\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)(?:[.\d]*)(?: Mobile\/\S+)? Safari\//],
  ['Internet Explorer', /\b(?:MSIE |Trident\/.*rv:)(\d+)/],
  // API clients, which show up when keys or scripts sign in.
  ['curl', /^curl\/(\d+)/],
  ['Postman', /\bPostmanRuntime\/(\d+)/],
  ['Python', /\bpython-(?:requests|httpx|urllib\d?)\/(\d+)/i],
  ['Go', /\bGo-http-client\/(\d+)/],
  ['OkHttp', /\bokhttp\/(\d+)/i],
  ['Terraform', /\bTerraform\/(\d+)/],
];

const WINDOWS: Record<string, string> = {
  '10.0': 'Windows 10/11',
  '6.3': 'Windows 8.1',
  '6.2': 'Windows 8',
  '6.1': 'Windows 7',
  '6.0': 'Windows Vista',
  '5.1': 'Windows XP',
};

const dotted = (v: string) => v.replace(/_/g, '.');

function detectOs(ua: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /Windows NT (\d+\.\d+)/.exec(ua))) return WINDOWS[m[1]] ?? 'Windows';
  if (/Windows/.test(ua)) return 'Windows';
  if ((m = /\biPad\b.*?OS (\d+(?:_\d+)?)/.exec(ua))) return `iPadOS ${dotted(m[1])}`;
  if ((m = /\b(?:iPhone|iPod)\b.*?OS (\d+(?:_\d+)?)/.exec(ua))) return `iOS ${dotted(m[1])}`;
  if ((m = /Android (\d+(?:\.\d+)?)/.exec(ua))) return `Android ${m[1]}`;
  if (/Android/.test(ua)) return 'Android';
  if (/CrOS/.test(ua)) return 'ChromeOS';
  // Browsers freeze the macOS version at 10.15.7; only a different one carries information.
  if ((m = /Mac OS X (\d+(?:[._]\d+){0,2})/.exec(ua))) return dotted(m[1]) === '10.15.7' ? 'macOS' : `macOS ${dotted(m[1])}`;
  if (/Macintosh/.test(ua)) return 'macOS';
  if (/Ubuntu/.test(ua)) return 'Ubuntu';
  if (/Linux|X11/.test(ua)) return 'Linux';
  return undefined;
}

export function summarizeUserAgent(userAgent: unknown): UserAgentSummary {
  // Long headers are cut: nothing useful lives past the first few hundred characters.
  const ua = typeof userAgent === 'string' ? userAgent.slice(0, 512) : '';
  const summary: UserAgentSummary = { mobile: /\b(?:Mobi|iPhone|iPad|iPod|Android)\b/.test(ua) };
  for (const [name, pattern] of BROWSERS) {
    const m = pattern.exec(ua);
    if (m) {
      summary.browser = name;
      summary.version = m[1];
      break;
    }
  }
  const os = detectOs(ua);
  if (os) summary.os = os;
  return summary;
}
