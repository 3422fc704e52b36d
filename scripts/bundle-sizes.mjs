// `pnpm bench` (after the build): the two browser bundles' sizes, minified and min+gzip, against their
// budgets. Printed, and written to bench-results/bundles.json next to the server figures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const bundles = [
  { name: 'admin components', file: 'packages/components/dist/clientbase.js' },
  { name: 'booking widget', file: 'packages/booking-widget/dist/cb-booking-widget.js', budgetKiB: 25 },
];
const root = new URL('..', import.meta.url);
const kib = (bytes) => Math.round((bytes / 1024) * 10) / 10;

const figures = bundles.map(({ name, file, budgetKiB }) => {
  const bytes = readFileSync(new URL(file, root));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const figure = { name, file, min_kib: kib(bytes.length), gzip_kib: kib(gzip), budget_gzip_kib: budgetKiB ?? null };
  const budget = budgetKiB ? ` (budget ${budgetKiB} KiB${gzip > budgetKiB * 1024 ? ', OVER' : ''})` : '';
  console.log(`bundle ${name}: ${figure.min_kib} KiB minified, ${figure.gzip_kib} KiB min+gzip${budget}`);
  return figure;
});
mkdirSync(new URL('bench-results/', root), { recursive: true });
writeFileSync(new URL('bench-results/bundles.json', root), `${JSON.stringify({ figures }, null, 2)}\n`);
