// Every message has a translation in every target locale (run after `lit-localize extract`).
import { readFileSync, readdirSync } from 'node:fs';

const dir = 'packages/elements/xliff';
let failed = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.xlf'))) {
  const xml = readFileSync(`${dir}/${file}`, 'utf8');
  const units = [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  const missing = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body)).map(([, id, body]) => `${id}: ${/<source>([\s\S]*?)<\/source>/.exec(body)?.[1]}`);
  console.log(`${file}: ${units.length - missing.length}/${units.length} messages translated`);
  if (missing.length) {
    failed = true;
    console.error(missing.map((m) => `  missing ${m}`).join('\n'));
  }
  if (units.length === 0) {
    failed = true;
    console.error(`  ${file} has no messages: run npm run localize:extract`);
  }
}
process.exit(failed ? 1 : 0);
