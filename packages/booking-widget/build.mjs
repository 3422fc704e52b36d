import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildElements } from '../../scripts/build-elements.mjs';

const BUNDLE = 'dist/cb-booking-widget.js';
/** The widget is what a salon's visitors download: Lit included, min+gzip, it stays under this. */
const BUDGET = 25 * 1024;

await buildElements(new URL('.', import.meta.url), BUNDLE);

const size = gzipSync(readFileSync(new URL(BUNDLE, import.meta.url)), { level: 9 }).length;
const summary = `${BUNDLE}: ${size} bytes min+gzip (${(size / 1024).toFixed(1)} KiB of a ${BUDGET / 1024} KiB budget)`;
if (size > BUDGET) {
  console.error(`${summary}: over budget by ${size - BUDGET} bytes.`);
  process.exit(1);
}
console.log(summary);
