import { z } from 'zod';

const date = z.iso.date('A date as YYYY-MM-DD.');

export const statsQuery = z.strictObject({ from: date.optional(), to: date.optional() });
export type StatsQuery = z.output<typeof statsQuery>;
