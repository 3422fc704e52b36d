// The Excel export at scale: up to 100,000 of the target's clients, walked by the export's own keyset pages,
// written to an .xlsx with the default columns. Figures: seconds, rows/s, and memory (RSS and heap growth,
// and the process's peak RSS: SheetJS writes synchronously, so nothing can sample inside the write itself).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClientAccess, visibleClients } from '../src/clients/access';
import { type ClientRow, DEFAULT_COLUMNS, resolveColumns } from '../src/exports/columns';
import { clientPages } from '../src/exports/pages';
import { writeClientsXlsx } from '../src/exports/xlsx';
import { ScopedDb } from '../src/tenancy/scoped-db';
import { type Bench, summarize } from './harness';
import type { SeededTarget } from './targets';

const MAX_ROWS = 100_000;
const MB = 2 ** 20;

async function* upTo(pages: AsyncIterable<ClientRow[]>, limit: number): AsyncGenerator<ClientRow[]> {
  let left = limit;
  for await (const page of pages) {
    yield page.length > left ? page.slice(0, left) : page;
    left -= page.length;
    if (left <= 0) return;
  }
}

export async function exportThroughput(target: SeededTarget, bench: Bench, iterations: number): Promise<void> {
  const business = await target.db
    .selectFrom('businesses')
    .select(['id', 'country', 'currency', 'timezone', 'shared_client_base'])
    .where('id', '=', target.businessId)
    .executeTakeFirstOrThrow();
  const access: ClientAccess = { tenant: new ScopedDb(target.db, business), locationIds: null, now: new Date() };
  const columns = await resolveColumns(access.tenant, DEFAULT_COLUMNS);
  const folder = await mkdtemp(join(tmpdir(), 'cb-bench-export-'));
  const runs = Math.max(1, Math.min(iterations, 3));
  const seconds: number[] = [];
  let rows = 0;
  let bytes = 0;
  let rssGrowth = 0;
  let heapGrowth = 0;
  let pagesSeconds = 0;
  try {
    for (let run = 0; run < runs; run++) {
      globalThis.gc?.();
      const before = process.memoryUsage();
      let peakRss = before.rss;
      let peakHeap = before.heapUsed;
      let pagesDone = 0;
      const started = performance.now();
      const written = await writeClientsXlsx(
        join(folder, `run-${run}.xlsx`),
        columns,
        upTo(clientPages(access, visibleClients(access), 2000), MAX_ROWS),
        {
          timezone: business.timezone,
          currency: business.currency,
          onRows: () => {
            const now = process.memoryUsage();
            peakRss = Math.max(peakRss, now.rss);
            peakHeap = Math.max(peakHeap, now.heapUsed);
            pagesDone = performance.now();
          },
        },
      );
      const elapsed = (performance.now() - started) / 1000;
      const after = process.memoryUsage();
      seconds.push(elapsed);
      rows = written.rows;
      bytes = (await stat(join(folder, `run-${run}.xlsx`))).size;
      rssGrowth = Math.max(rssGrowth, Math.max(peakRss, after.rss) - before.rss);
      heapGrowth = Math.max(heapGrowth, Math.max(peakHeap, after.heapUsed) - before.heapUsed);
      pagesSeconds = (pagesDone - started) / 1000;
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const timing = summarize(seconds);
  const label = `${rows.toLocaleString('en')} rows × ${columns.length} columns`;
  bench.record({
    target: target.label,
    name: 'export xlsx seconds',
    value: Number(timing.p50.toFixed(2)),
    unit: 's',
    note: `${label}, ${(bytes / MB).toFixed(1)} MB file, reading pages ${pagesSeconds.toFixed(1)} s of the last run, ${runs} run(s)`,
  });
  bench.record({
    target: target.label,
    name: 'export xlsx throughput',
    value: Math.round(rows / timing.p50),
    unit: 'rows/s',
  });
  bench.record({
    target: target.label,
    name: 'export xlsx memory',
    value: Math.round(rssGrowth / MB),
    unit: 'MB RSS growth',
    note: `heap growth ${Math.round(heapGrowth / MB)} MB (sampled between pages and after the write); process peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  });
}
