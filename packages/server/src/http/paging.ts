// Paging of lists: the `offset`/`limit` query fields, and one page of a query with the count of the whole
// list, as `{ items, total }`.
import { type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';

/** A card shows a screenful at a time, so pages are small and bounded. */
export const MAX_PAGE = 100;

/** Query fields to spread into a strict schema: `z.strictObject({ ...paging })`. */
export const paging = {
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
};

export interface Paging {
  offset: number;
  limit: number;
}

/** A page of `query` (filtered, selected and ordered) and the count of all its rows. */
export async function paged<DB, TB extends keyof DB, Row, Item>(
  query: SelectQueryBuilder<DB, TB, Row>,
  page: Paging,
  view: (row: Row) => Item,
): Promise<{ items: Item[]; total: number }> {
  const [rows, count] = await Promise.all([
    query.offset(page.offset).limit(page.limit).execute(),
    query.clearSelect().clearOrderBy().select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow() as Promise<{
      total: number;
    }>,
  ]);
  return { items: rows.map(view), total: Number(count.total) };
}
