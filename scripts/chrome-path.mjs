// Chromium for tests comes from the system: CHROME_PATH, else chromium / google-chrome on the PATH.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChrome() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

/** Flags for a root user in a container with no network (see TOOLCHAIN.md). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function requireChrome() {
  const path = findChrome();
  if (!path) {
    console.error(
      'No Chromium found. Install it (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
    );
    process.exit(1);
  }
  return path;
}
