import { sql } from 'kysely';
import { conflict, notFound, validationFailed } from '../http/errors';
import { digitsOf, normalizePhone } from '../phones/normalize';
import type { ScopedDb } from '../tenancy/scoped-db';
import { escapeLike, foldForSearch } from '../text/search';
import { type ClientInput, SORTABLE, type SortField } from './schema';
import { type CategoryChip, clientView } from './view';

function phoneField(field: 'phone' | 'additional_phone', value: string, country: string): string {
  const phone = normalizePhone(value, country);
  if (!phone) throw validationFailed([{ field, message: `Not a possible phone number for ${country}.` }]);
  return phone;
}

async function assertPhoneFree(tenant: ScopedDb, phone: string, exceptId?: string) {
  let query = tenant.selectFrom('clients').select(['id']).where('phone', '=', phone);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const other = await query.executeTakeFirst();
  if (other)
    throw conflict('phone_taken', 'Another client has this phone number.', { field: 'phone', client_id: other.id });
}

/** Input → columns: phones normalised, emails lower-cased, search text derived. */
async function toColumns(
  tenant: ScopedDb,
  input: ClientInput,
  current?: { first_name: string; last_name: string | null; middle_name: string | null },
) {
  const country = tenant.business.country;
  const { custom_fields, ...rest } = input;
  const columns: Record<string, unknown> = { ...rest };
  if (custom_fields) columns.custom_fields = JSON.stringify(custom_fields);
  if (input.phone !== undefined) columns.phone = phoneField('phone', input.phone, country);
  if (input.additional_phone)
    columns.additional_phone = phoneField('additional_phone', input.additional_phone, country);
  if (input.email) columns.email = input.email.toLowerCase();
  const names = { ...current, ...input };
  if (names.first_name !== undefined) {
    columns.search_name = foldForSearch(names.first_name, names.middle_name, names.last_name);
  }
  return columns;
}

export async function loadCategories(tenant: ScopedDb, clientIds: string[]): Promise<Map<string, CategoryChip[]>> {
  const byClient = new Map<string, CategoryChip[]>();
  if (!clientIds.length) return byClient;
  const rows = await tenant
    .selectFrom('client_categories')
    .innerJoin('categories', 'categories.id', 'client_categories.category_id')
    .select(['client_categories.client_id', 'categories.id', 'categories.name', 'categories.color'])
    .where('client_categories.client_id', 'in', clientIds)
    .orderBy('categories.name')
    .execute();
  for (const { client_id, ...chip } of rows) byClient.set(client_id, [...(byClient.get(client_id) ?? []), chip]);
  return byClient;
}

export async function getClient(tenant: ScopedDb, id: string) {
  const row = await tenant.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Client');
  return clientView(row, (await loadCategories(tenant, [id])).get(id) ?? []);
}

export async function createClient(
  tenant: ScopedDb,
  input: ClientInput & { first_name: string; phone: string },
  source: 'admin' | 'online' | 'import',
) {
  const columns = await toColumns(tenant, input);
  await assertPhoneFree(tenant, columns.phone as string);
  const row = await tenant
    .insertInto('clients', { ...(columns as { first_name: string }), source })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getClient(tenant, row.id);
}

export async function updateClient(tenant: ScopedDb, id: string, input: ClientInput) {
  const current = await tenant
    .selectFrom('clients')
    .select(['first_name', 'last_name', 'middle_name'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw notFound('Client');
  const columns = await toColumns(tenant, input, current);
  if (typeof columns.phone === 'string') await assertPhoneFree(tenant, columns.phone, id);
  await tenant
    .updateTable('clients')
    .set({ ...columns, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return getClient(tenant, id);
}

export async function deleteClient(tenant: ScopedDb, id: string) {
  const result = await tenant.deleteFrom('clients').where('id', '=', id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound('Client');
}

export interface ListParams {
  query?: string;
  sort: { field: SortField; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

export async function listClients(tenant: ScopedDb, params: ListParams) {
  let base = tenant.selectFrom('clients');
  const text = params.query?.trim();
  if (text) {
    const folded = escapeLike(foldForSearch(text));
    const digits = digitsOf(text);
    const country = tenant.business.country;
    const e164 = digits.length >= 3 ? normalizePhone(text, country) : null;
    base = base.where((eb) =>
      eb.or([
        eb('search_name', 'like', `%${folded}%`),
        eb(sql`lower(email)`, 'like', `${escapeLike(text.toLowerCase())}%`),
        eb('card_number', 'like', `${escapeLike(text)}%`),
        ...(digits.length >= 3 ? [eb('phone_reversed', 'like', `${[...digits].reverse().join('')}%`)] : []),
        ...(e164 ? [eb('phone', '=', e164)] : []),
      ]),
    );
  }
  const { column, nullable } = SORTABLE[params.sort.field];
  const direction = params.sort.direction;
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      // `nulls last` on a not-null column would stop PostgreSQL reading its index backwards.
      .orderBy(column, (ob) => {
        const ordered = direction === 'asc' ? ob.asc() : ob.desc();
        return nullable ? ordered.nullsLast() : ordered;
      })
      .orderBy('id', direction)
      .offset(params.offset)
      .limit(params.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const categories = await loadCategories(
    tenant,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => clientView(row, categories.get(row.id) ?? [])), total: Number(count.n) };
}
