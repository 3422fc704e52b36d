// A tiny benchmark harness: figures (a value, or p50/p95 of timed iterations), a printed table and a
// JSON file. A new figure is a new module that records into the same Bench.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Figure {
  /** Where it was measured, e.g. "postgres 100k". */
  target: string;
  name: string;
  value?: number;
  unit?: string;
  p50?: number;
  p95?: number;
  min?: number;
  max?: number;
  iterations?: number;
  note?: string;
}

export interface Timing {
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
  iterations: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1),
    iterations: sorted.length,
  };
}

const round = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n) ? undefined : Number(n.toFixed(digits));

export class Bench {
  readonly figures: Figure[] = [];
  private readonly started = new Date();

  record(figure: Figure): Figure {
    this.figures.push(figure);
    const shown =
      figure.value !== undefined
        ? `${fmt(figure.value)} ${figure.unit ?? ''}`
        : `p50 ${fmt(figure.p50)} ms, p95 ${fmt(figure.p95)} ms`;
    console.log(`  ${figure.target} · ${figure.name}: ${shown}${figure.note ? ` (${figure.note})` : ''}`);
    return figure;
  }

  /** Runs `fn` `warmup` times untimed, then `iterations` times timed; records p50/p95 in ms. */
  async measure(
    target: string,
    name: string,
    fn: () => Promise<unknown>,
    iterations = 30,
    warmup = 3,
    note?: string,
  ): Promise<Timing> {
    for (let i = 0; i < warmup; i++) await fn();
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
    const timing = summarize(samples);
    this.record({
      target,
      name,
      unit: 'ms',
      p50: round(timing.p50, 2),
      p95: round(timing.p95, 2),
      min: round(timing.min, 2),
      max: round(timing.max, 2),
      iterations,
      note,
    });
    return timing;
  }

  skip(target: string, reason: string) {
    this.record({ target, name: 'skipped', note: reason });
  }

  printTable() {
    const header = ['target', 'figure', 'value', 'p50 ms', 'p95 ms', 'n', 'note'];
    const rows = this.figures.map((f) => [
      f.target,
      f.name,
      f.value !== undefined ? `${fmt(f.value)} ${f.unit ?? ''}`.trim() : '',
      f.p50 !== undefined ? fmt(f.p50) : '',
      f.p95 !== undefined ? fmt(f.p95) : '',
      f.iterations !== undefined ? String(f.iterations) : '',
      f.note ?? '',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
        .join('  ');
    console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const row of rows) console.log(line(row));
  }

  writeJson(path: string, extra: Record<string, unknown> = {}) {
    mkdirSync(dirname(path), { recursive: true });
    const document = {
      started_at: this.started.toISOString(),
      finished_at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memory_gb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      ...extra,
      figures: this.figures,
    };
    writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
    console.log(`\nWrote ${path}`);
  }
}

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en');
  return n.toFixed(n >= 10 ? 1 : 2);
}

/** The repository root: the nearest folder upwards holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
  }
  return resolve(here, '..', '..', '..');
}
