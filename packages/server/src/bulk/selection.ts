// Which clients a bulk action acts on: a list of ids, or everything matching a search and filter minus
// some ids ("all 45,210 matching" with a few unticked). Always within what the caller may see.
import { z } from 'zod';
import { type ClientAccess, visibleClients } from '../clients/access';
import { clientFilter } from '../clients/filter';
import { matchingClients } from '../clients/service';

const MAX_IDS = 10_000;

export const selectionSchema = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(MAX_IDS).optional(),
    filter: clientFilter.optional(),
    query: z.string().trim().max(200).optional(),
    except_ids: z.array(z.uuid()).max(MAX_IDS).optional(),
  })
  .refine((s) => !(s.ids && (s.filter || s.query || s.except_ids)), {
    message: 'Give either ids, or filter and query with except_ids.',
    path: ['ids'],
  });

export type Selection = z.output<typeof selectionSchema>;

/** The selected clients as a query on `clients`, to select from, count or walk. */
export async function selectedClients(access: ClientAccess, selection: Selection) {
  if (selection.ids) return visibleClients(access).where('clients.id', 'in', selection.ids);
  const matching = await matchingClients(access, selection.query, selection.filter ?? {});
  return selection.except_ids?.length ? matching.where('clients.id', 'not in', selection.except_ids) : matching;
}

export async function countSelected(access: ClientAccess, selection: Selection): Promise<number> {
  const row = await (await selectedClients(access, selection))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The selected ids in batches, walking by id so a batch is one index range; the walk re-reads the
 * selection each time, so clients deleted on the way (a bulk delete's own work) are simply not seen.
 */
export async function* selectedIdBatches(access: ClientAccess, selection: Selection, batchSize: number) {
  const base = await selectedClients(access, selection);
  let after: string | null = null;
  for (;;) {
    let page = base.select('clients.id').orderBy('clients.id').limit(batchSize);
    if (after) page = page.where('clients.id', '>', after);
    const ids = (await page.execute()).map((row) => row.id);
    if (!ids.length) return;
    yield ids;
    after = ids[ids.length - 1] as string;
    if (ids.length < batchSize) return;
  }
}
