// `pnpm seed --clients N [--seed S] [--business ID] [--now YYYY-MM-DD]`: fills the configured database
// (DATABASE_URL → PostgreSQL, else PGlite in DATA_DIR, default `.data` at the repository root).
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { type CliArgs, dataDirFromEnv, parseCliArgs, USAGE, UsageError } from './args';
import { SeedError, type SeedProgress, seedBusiness } from './seed';

const formatInt = (n: number) => Math.round(n).toLocaleString('en');

function progressPrinter() {
  const tty = process.stdout.isTTY;
  let lastPrinted = 0;
  return (progress: SeedProgress) => {
    const now = performance.now();
    const done = progress.clients === progress.total;
    if (!done && now - lastPrinted < (tty ? 250 : 5000)) return;
    lastPrinted = now;
    const rate = progress.clients / (progress.ms / 1000);
    const line = `  ${formatInt(progress.clients)} / ${formatInt(progress.total)} clients (${Math.floor((100 * progress.clients) / progress.total)}%), ${formatInt(rate)} clients/s`;
    if (tty) process.stdout.write(`\r${line}${done ? '\n' : ''}`);
    else console.log(line);
  };
}

async function main(argv: string[]): Promise<number> {
  let args: CliArgs | 'help';
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`seed: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }

  const config = loadConfig();
  const dataDir = dataDirFromEnv();
  const where = config.databaseUrl ? `PostgreSQL ${redact(config.databaseUrl)}` : `embedded PGlite in ${dataDir}`;
  console.log(`Seeding ${formatInt(args.clients)} clients (seed "${args.seed}") into ${where}…`);
  const handle = await connect({ databaseUrl: config.databaseUrl, dataDir });
  try {
    await migrateToLatest(handle.db);
    const result = await seedBusiness(handle.db, {
      clients: args.clients,
      seed: args.seed,
      businessId: args.business,
      now: args.now,
      onProgress: progressPrinter(),
    });
    const seconds = result.ms / 1000;
    console.log(`\nDone in ${seconds.toFixed(1)} s: ${formatInt(result.clients / seconds)} clients/s.`);
    console.log(`  business             ${result.businessId}${args.business ? '' : ' (new)'}`);
    if (result.secretKey) {
      console.log(`  secret key           ${result.secretKey}`);
      console.log(`  publishable key      ${result.publishableKey}`);
      console.log('  (keys are shown once; only their hashes are stored)');
    }
    console.log(`  staff                ${formatInt(result.staff)}`);
    for (const [table, count] of Object.entries(result.rows)) console.log(`  ${table.padEnd(20)} ${formatInt(count)}`);
    return 0;
  } finally {
    await handle.close();
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'database';
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Expected failures (no such business, database unreachable, folder locked) read better without a stack.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nseed failed: ${message}`);
    if (!(error instanceof SeedError) && process.env.DEBUG) console.error(error);
    process.exit(1);
  },
);
