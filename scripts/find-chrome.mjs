import { requireChrome } from './chrome-path.mjs';

console.log(`Using Chromium at ${requireChrome()}`);
