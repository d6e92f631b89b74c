// WCAG AA contrast of every theme (light, dark, branded with its default brand colours, auto as
// light and as dark) for the text / background and control / background pairs of
// packages/elements/src/theme/contrast.ts (the list the unit theme test uses too). Prints a table
// per theme and exits non-zero when any pair is below its minimum (4.5:1 text, 3:1 UI).
//   node --conditions=source --import tsx scripts/check-contrast.mjs
import { CONTRAST_THEMES, checkContrast } from '../packages/elements/src/theme/contrast.ts';

const pad = (s, n) => String(s).padEnd(n);
let failures = 0;
for (const { name, theme } of CONTRAST_THEMES) {
  const results = checkContrast(theme);
  console.log(`\n${name}`);
  console.log(`  ${pad('foreground', 22)} ${pad('background', 22)} ${pad('colours', 18)} ${pad('ratio', 7)} ${pad('min', 4)} result`);
  for (const r of results) {
    if (!r.pass) failures++;
    const ratio = r.ratio === undefined ? '?' : r.ratio.toFixed(2);
    console.log(`  ${pad(r.fg, 22)} ${pad(r.bg, 22)} ${pad(`${r.fgColor}/${r.bgColor}`, 18)} ${pad(ratio, 7)} ${pad(r.min, 4)} ${r.pass ? 'ok' : 'FAIL'}  ${r.use}`);
  }
}
const total = CONTRAST_THEMES.length;
console.log(`\n${failures ? `${failures} pair(s) below WCAG AA` : `every pair meets WCAG AA in ${total} theme variants`}`);
process.exit(failures ? 1 : 0);
