// The clients of a selection as pages of Client objects, for the xlsx writer: walked by (name, id) from
// where the last page ended, so every page is one range of the name index and a deep page costs what the
// first does (an offset would re-read everything before it, page after page).
import type { SelectQueryBuilder } from 'kysely';
import type { ClientAccess } from '../clients/access';
import { loadCategories } from '../clients/service';
import { clientView } from '../clients/view';
import type { Database } from '../db/schema';
import type { ClientRow } from './columns';

export const EXPORT_PAGE_SIZE = 1000;

/**
 * `selected` is a query on `clients` already scoped to what the caller may see, e.g. bulk's
 * selectedClients(access, selection) or matchingClients(access, query, filter).
 */
export async function* clientPages(
  access: ClientAccess,
  selected: SelectQueryBuilder<Database, 'clients', object>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ClientRow[]> {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    let page = selected.selectAll('clients').orderBy('clients.name_sort').orderBy('clients.id').limit(pageSize);
    if (after) {
      const { name, id } = after;
      page = page.where((eb) => eb(eb.refTuple('clients.name_sort', 'clients.id'), '>', eb.tuple(name, id)));
    }
    const rows = await page.execute();
    if (!rows.length) return;
    const categories = await loadCategories(
      access.tenant,
      rows.map((row) => row.id),
    );
    yield rows.map((row) => clientView(row, categories.get(row.id) ?? []));
    const last = rows[rows.length - 1] as (typeof rows)[number];
    after = { name: last.name_sort, id: last.id };
    if (rows.length < pageSize) return;
  }
}
