// In Debian's Chromium, cb-client-table's time to first rows and DOM
// row count over a real API with 1,000,000 clients. Run: pnpm --filter ./packages/components bench (builds first).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBulkApi } from '../../server/test-support/api-server';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync('node', ['build.mjs'], { cwd: root, stdio: 'ignore' });
const bundle = readFileSync(new URL('../dist/clientbase.js', import.meta.url));

const started = Date.now();
const api = await startBulkApi(Number(process.env.BENCH_TABLE_CLIENTS || 1_000_000));
console.log(
  `database: ${api.clients.toLocaleString('en')} clients built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

const page = `<!doctype html><html><body>
<script type="module" src="/clientbase.js"></script>
<cb-provider api-base="" session="${api.session}"><cb-client-table style="--cb-client-table-height: 800px"></cb-client-table></cb-provider>
</body></html>`;
const server = createServer(async (req, res) => {
  if (req.url === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
  if (req.url === '/clientbase.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const response = await api.fetch(
    new Request(`http://localhost${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
});
await new Promise<void>((resolve) => server.listen(0, resolve));
const port = (server.address() as { port: number }).port;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const rowsReady = () =>
    tab.waitForFunction(() => {
      const rows = document.querySelector('cb-client-table')?.shadowRoot?.querySelectorAll('.body [role="row"]');
      return rows && rows.length > 0 && [...rows].every((row) => (row as HTMLElement).dataset.id);
    });
  const t0 = Date.now();
  await tab.goto(`http://localhost:${port}/`);
  await rowsReady();
  const firstRows = Date.now() - t0;
  const count = () =>
    tab.evaluate(
      () => document.querySelector('cb-client-table')!.shadowRoot!.querySelectorAll('.body [role="row"]').length,
    );
  const top = await count();
  const jump = async (fraction: number) => {
    const t = Date.now();
    await tab.evaluate((f) => {
      const scroller = document.querySelector('cb-client-table')!.shadowRoot!.querySelector('.scroller') as HTMLElement;
      scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * f;
    }, fraction);
    await tab.waitForTimeout(20);
    await rowsReady();
    return Date.now() - t;
  };
  const middleMs = await jump(0.5);
  const middle = await count();
  const endMs = await jump(1);
  const end = await count();
  console.log(`cb-client-table at ${api.clients.toLocaleString('en')} rows (Chromium, 800 px high):`);
  console.log(`  time to first rows: ${firstRows} ms (page load, /v1/me, first window with total)`);
  console.log(`  DOM rows: top ${top}, middle ${middle}, end ${end}`);
  console.log(`  jump to middle → rows shown: ${middleMs} ms; jump to end → rows shown: ${endMs} ms`);
  const figures = { clients: api.clients, first_rows_ms: firstRows, dom_rows: { top, middle, end }, middleMs, endMs };
  mkdirSync(new URL('../../../bench-results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../../bench-results/table.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  await browser.close();
  server.close();
  await api.close();
}
