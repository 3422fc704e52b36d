// `pnpm bench [--clients N] [--clients-1m] [--iterations N] [--only postgres|pglite] [--module NAME] [--keep] [--reuse]`
// Seeds fresh databases, runs every per-target module against them, prints a table and writes
// <repo>/bench-results/bench.json. A new figure: write a module (target, bench, iterations) → Promise
// and add it to MODULES.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bookingLoad } from './booking-load';
import { clientList } from './client-list';
import { exportThroughput } from './export';
import { Bench, repoRoot } from './harness';
import { importThroughput } from './import';
import { searchLatency } from './search-latency';
import { postgresReachable, reusedTarget, type SeededTarget, seededTarget } from './targets';

type Module = (target: SeededTarget, bench: Bench, iterations: number) => Promise<void>;
const MODULES: [string, Module][] = [
  ['search latency', searchLatency],
  ['client list', clientList],
  ['booking load', bookingLoad],
  ['export', exportThroughput],
  ['import', importThroughput],
];

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      clients: { type: 'string', default: '100000' },
      'clients-1m': { type: 'boolean', default: false },
      iterations: { type: 'string', default: '30' },
      only: { type: 'string' },
      /** Only the modules whose name contains this (e.g. "import"). */
      module: { type: 'string' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const clients = Number(String(values.clients).replace(/[_,]/g, ''));
  const iterations = Number(values.iterations);
  if (!Number.isInteger(clients) || clients < 1)
    throw new Error(`--clients must be a positive integer, got ${values.clients}`);
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new Error(`--iterations must be a positive integer, got ${values.iterations}`);
  if (values.only && !['postgres', 'pglite'].includes(values.only)) throw new Error('--only takes postgres or pglite');
  return {
    clients,
    iterations,
    million: values['clients-1m'] || process.env.BENCH_1M === '1',
    only: values.only as 'postgres' | 'pglite' | undefined,
    module: values.module,
    keep: values.keep,
    reuse: values.reuse,
    pgUrl: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  };
}

async function runTarget(
  bench: Bench,
  open: () => Promise<SeededTarget>,
  iterations: number,
  keep: boolean,
  only?: string,
) {
  const target = await open();
  try {
    for (const [name, module] of MODULES.filter(([name]) => !only || name.includes(only))) {
      try {
        await module(target, bench, iterations);
      } catch (error) {
        bench.record({ target: target.label, name, note: `failed: ${(error as Error).message}` });
      }
    }
  } finally {
    if (keep) console.log(`  (kept ${target.label})`);
    else await target.close();
  }
}

async function main() {
  const o = options();
  const bench = new Bench();
  const started = performance.now();
  const usePostgres = o.only !== 'pglite';
  const usePGlite = o.only !== 'postgres';

  let pgProblem: string | null = null;
  if (usePostgres) {
    pgProblem = await postgresReachable(o.pgUrl);
    if (pgProblem) {
      const where = new URL(o.pgUrl).host;
      console.log(`PostgreSQL at ${where} is not reachable (${pgProblem}): skipping the PostgreSQL figures.`);
      bench.skip('postgres', `not reachable at ${where}`);
    }
  }
  if (usePostgres && !pgProblem) {
    await runTarget(
      bench,
      () => seededTarget(bench, { driver: 'postgres', baseUrl: o.pgUrl, database: 'cb_bench_pg' }, o.clients),
      o.iterations,
      o.keep,
      o.module,
    );
  }
  if (usePGlite) {
    await runTarget(bench, () => seededTarget(bench, { driver: 'pglite' }, o.clients), o.iterations, false, o.module);
  }
  if (o.million) {
    if (pgProblem || !usePostgres) bench.skip('postgres 1M', 'PostgreSQL not in use');
    else
      await runTarget(
        bench,
        async () =>
          (o.reuse && (await reusedTarget(o.pgUrl, 'cb_bench_1m', 1_000_000))) ||
          seededTarget(bench, { driver: 'postgres', baseUrl: o.pgUrl, database: 'cb_bench_1m' }, 1_000_000),
        o.iterations,
        o.keep,
        o.module,
      );
  }

  bench.printTable();
  bench.writeJson(join(repoRoot(), 'bench-results', 'bench.json'), {
    clients: o.clients,
    iterations: o.iterations,
    million: o.million,
    seconds: Math.round((performance.now() - started) / 1000),
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
