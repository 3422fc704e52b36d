// Command-line arguments of `pnpm seed`, parsed and validated with messages meant for people.
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_CLIENTS } from './seed';

export const USAGE = `Usage: pnpm seed --clients N [--seed S] [--business ID] [--now YYYY-MM-DD]

  --clients N      how many clients to create (1 … ${MAX_CLIENTS.toLocaleString('en')}; 1_000_000 and 1,000,000 work)
  --seed S         any text; the same seed gives the same data (default 1)
  --business ID    fill this existing business instead of creating a new one
  --now DATE       the day the history ends (default today), for identical reruns on another day

DATABASE_URL=postgres://… seeds PostgreSQL; otherwise the embedded database in DATA_DIR (default .data).`;

export class UsageError extends Error {}

export interface CliArgs {
  clients: number;
  seed: string;
  business?: string;
  now?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseCliArgs(argv: string[]): CliArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      // `pnpm seed -- --clients 5` passes the `--` through.
      args: argv.filter((arg) => arg !== '--'),
      options: {
        clients: { type: 'string' },
        seed: { type: 'string' },
        business: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  if (values.clients === undefined) throw new UsageError('--clients is required.');
  const digits = String(values.clients).replace(/[_,]/g, '');
  const clients = Number(digits);
  if (!/^\d+$/.test(digits) || clients < 1 || clients > MAX_CLIENTS) {
    throw new UsageError(
      `--clients must be a whole number from 1 to ${MAX_CLIENTS.toLocaleString('en')}, got "${values.clients}".`,
    );
  }
  const seed = values.seed === undefined ? '1' : String(values.seed);
  if (!seed.trim() || seed.length > 100) throw new UsageError('--seed must be 1 to 100 characters.');
  const business = values.business === undefined ? undefined : String(values.business);
  if (business !== undefined && !UUID.test(business))
    throw new UsageError(`--business must be a business id (a UUID), got "${business}".`);
  let now: Date | undefined;
  if (values.now !== undefined) {
    const text = String(values.now);
    now = new Date(`${text}T12:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(now.getTime()))
      throw new UsageError(`--now must be a date as YYYY-MM-DD, got "${text}".`);
  }
  return { clients, seed, business, now };
}

/** pnpm runs package scripts in the package folder; a relative DATA_DIR means the caller's folder. */
export function dataDirFromEnv(): string {
  const base = process.env.INIT_CWD || process.cwd();
  const configured = process.env.DATA_DIR;
  if (!configured) return resolve(base, '.data');
  return isAbsolute(configured) ? configured : resolve(base, configured);
}
