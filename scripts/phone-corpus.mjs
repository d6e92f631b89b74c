// Writes test/fixtures/phone-corpus.json: for every country, its example mobile number (from
// libphonenumber-js) and up to two landlines drawn at random (fixed seed) from the ranges of the
// full `max` metadata, each with the type the full metadata gives it. The phone unit tests check
// `@acct/core/phone` (mobile metadata, own as-you-type formatter) against these answers and
// against libphonenumber's AsYouType. Run again after a libphonenumber-js update:
// `node scripts/phone-corpus.mjs`.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const require = createRequire(import.meta.url);
const max = require('libphonenumber-js/metadata.max.json');
const examples = require('libphonenumber-js/examples.mobile.json');

let seed = 20261122;
const random = () => {
  // mulberry32: small, deterministic, good enough to spread digits.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const corpus = [];
for (const [country, plan] of Object.entries(max.countries)) {
  const callingCode = plan[0];
  if (examples[country]) corpus.push({ country, e164: `+${callingCode}${examples[country]}` });
  // types[0] is FIXED_LINE: [pattern, possibleLengths?]
  const fixed = plan[11]?.[0];
  if (!fixed) continue;
  const pattern = new RegExp(`^(?:${fixed[0]})$`);
  const lengths = fixed[1] || plan[3];
  const found = new Set();
  for (let i = 0; i < 200000 && found.size < 2; i++) {
    const length = lengths[Math.floor(random() * lengths.length)];
    let digits = '';
    while (digits.length < length) digits += Math.floor(random() * 10);
    if (pattern.test(digits)) found.add(digits);
  }
  for (const digits of found) corpus.push({ country, e164: `+${callingCode}${digits}` });
}
for (const entry of corpus) {
  const parsed = parsePhoneNumberFromString(entry.e164, entry.country);
  entry.type = parsed?.getType() ?? null;
  entry.national = parsed?.formatNational() ?? null;
}
writeFileSync('test/fixtures/phone-corpus.json', `[\n${corpus.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
console.log(`${corpus.length} numbers from ${new Set(corpus.map((e) => e.country)).size} countries`);
