import { type Expression, type ExpressionBuilder, type OrderByItemBuilder, type SqlBool, sql } from 'kysely';
import { checkCustomFieldValues } from '../custom-fields/values';
import { type Author, recordDataLog } from '../data-log/record';
import type { Database } from '../db/schema';
import type { FileStorage } from '../files/storage';
import { ApiError, conflict, type FieldError, notFound, validationFailed } from '../http/errors';
import { digitsOf, normalizePhone } from '../phones/normalize';
import type { ScopedDb } from '../tenancy/scoped-db';
import { escapeLike, foldForSearch } from '../text/search';
import { type ClientAccess, visibleClients } from './access';
import { type ClientFilter, filterConditions } from './filter';
import { type ClientInput, SORTABLE, type SortField } from './schema';
import { type CategoryChip, clientView } from './view';

/** E.164, or the field's error. The request schema already normalised it; other callers may send it raw. */
function phoneField(field: 'phone' | 'additional_phone', value: string, country: string, errors: FieldError[]) {
  const phone = normalizePhone(value, country);
  if (!phone) errors.push({ field, message: `Not a possible phone number for ${country}.` });
  return phone;
}

/** The custom-field values' and category ids' problems, gathered so one 422 names them all. */
async function referenceErrors(tenant: ScopedDb, input: ClientInput): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.custom_fields) {
    try {
      await checkCustomFieldValues(tenant, input.custom_fields, 'custom_fields');
    } catch (error) {
      if (!(error instanceof ApiError && Array.isArray(error.details))) throw error;
      errors.push(...(error.details as FieldError[]));
    }
  }
  const categoryIds = [...new Set(input.category_ids ?? [])];
  if (categoryIds.length) {
    const known = await tenant.selectFrom('categories').select('id').where('id', 'in', categoryIds).execute();
    if (known.length !== categoryIds.length) errors.push({ field: 'category_ids', message: 'Unknown category.' });
  }
  return errors;
}

async function assertPhoneFree(tenant: ScopedDb, phone: string, exceptId?: string) {
  let query = tenant.selectFrom('clients').select(['id']).where('phone', '=', phone);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const other = await query.executeTakeFirst();
  if (other) {
    throw conflict('phone_taken', 'Another client has this phone number.', { field: 'phone', client_id: other.id });
  }
}

interface NameParts {
  first_name: string;
  last_name: string | null;
  middle_name: string | null;
}

/**
 * Input → columns: phones normalised, emails lower-cased, custom fields and categories checked (every problem
 * in one 422, before anything is written), search text derived.
 */
async function toColumns(tenant: ScopedDb, input: ClientInput, current?: NameParts) {
  const { custom_fields, category_ids: _categories, ...rest } = input;
  const country = tenant.business.country;
  const columns: Record<string, unknown> = { ...rest };
  const errors: FieldError[] = [];
  if (input.phone !== undefined) columns.phone = phoneField('phone', input.phone, country, errors);
  if (input.additional_phone)
    columns.additional_phone = phoneField('additional_phone', input.additional_phone, country, errors);
  errors.push(...(await referenceErrors(tenant, input)));
  if (errors.length) throw validationFailed(errors);
  if (custom_fields) columns.custom_fields = JSON.stringify(custom_fields);
  if (input.email) columns.email = input.email.toLowerCase();
  const names = { ...current, ...input };
  if (names.first_name !== undefined) {
    columns.search_name = foldForSearch(names.first_name, names.middle_name, names.last_name);
  }
  return columns;
}

/**
 * Replaces the client's manual categories (ids checked by toColumns). Those assigned by rules stay with the
 * rules, also when their ids are sent back: the card sends the client's chips as it read them, and claiming a
 * rule's category as manual would keep it after the rule stops matching.
 */
async function setManualCategories(tenant: ScopedDb, clientId: string, categoryIds: string[]) {
  const unique = [...new Set(categoryIds)];
  await tenant
    .deleteFrom('client_categories')
    .where('client_id', '=', clientId)
    .where('assigned_by', '=', 'manual')
    .execute();
  if (unique.length) {
    await tenant
      .insertInto(
        'client_categories',
        unique.map((category_id) => ({ client_id: clientId, category_id, assigned_by: 'manual' as const })),
      )
      .onConflict((oc) => oc.columns(['client_id', 'category_id']).doNothing())
      .execute();
  }
}

export async function loadCategories(tenant: ScopedDb, clientIds: string[]): Promise<Map<string, CategoryChip[]>> {
  const byClient = new Map<string, CategoryChip[]>();
  if (!clientIds.length) return byClient;
  const rows = await tenant
    .selectFrom('client_categories')
    .innerJoin('categories', 'categories.id', 'client_categories.category_id')
    .select([
      'client_categories.client_id',
      'categories.id',
      'categories.name',
      'categories.color',
      'categories.system_key',
      'client_categories.assigned_by',
    ])
    .where('client_categories.client_id', 'in', clientIds)
    .orderBy('categories.name')
    .execute();
  for (const { client_id, ...chip } of rows) byClient.set(client_id, [...(byClient.get(client_id) ?? []), chip]);
  return byClient;
}

export async function getClient(access: ClientAccess, id: string) {
  const row = await visibleClients(access).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Client');
  return clientView(row, (await loadCategories(access.tenant, [id])).get(id) ?? []);
}

export async function createClient(
  access: ClientAccess,
  input: ClientInput & { first_name: string; phone: string },
  source: 'admin' | 'online' | 'import',
  createdLocationId: string | null = null,
) {
  const id = await access.tenant.transaction(async (tenant) => {
    const columns = await toColumns(tenant, input);
    await assertPhoneFree(tenant, columns.phone as string);
    const location = createdLocationId ?? access.locationIds?.[0] ?? null;
    const row = await tenant
      .insertInto('clients', {
        ...(columns as { first_name: string }),
        source,
        created_location_id: location,
        location_ids: location ? [location] : [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.category_ids) await setManualCategories(tenant, row.id, input.category_ids);
    return row.id;
  });
  return getClient(access, id);
}

export async function updateClient(access: ClientAccess, id: string, input: ClientInput) {
  await access.tenant.transaction(async (tenant) => {
    const current = await visibleClients({ ...access, tenant })
      .select(['first_name', 'last_name', 'middle_name'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('Client');
    const columns = await toColumns(tenant, input, current);
    if (typeof columns.phone === 'string') await assertPhoneFree(tenant, columns.phone, id);
    await tenant
      .updateTable('clients')
      .set({ ...columns, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (input.category_ids) await setManualCategories(tenant, id, input.category_ids);
  });
  return getClient(access, id);
}

/** Deletes the client with everything that cascades from it, then its stored files' bytes. */
export async function deleteClient(access: ClientAccess, id: string, storage: FileStorage, author: Author) {
  const keys = await access.tenant.transaction(async (tx) => {
    const visible = await visibleClients({ ...access, tenant: tx })
      .select(['id', 'first_name', 'last_name'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!visible) throw notFound('Client');
    const files = await tx.selectFrom('files').select('storage_key').where('client_id', '=', id).execute();
    await tx.deleteFrom('clients').where('id', '=', id).execute();
    const name = [visible.first_name, visible.last_name].filter(Boolean).join(' ');
    await recordDataLog(tx, author, {
      action: 'client_delete',
      entity: 'client',
      rowCount: 1,
      details: { client_id: id, name, files: files.length },
    });
    return files.map((file) => file.storage_key);
  });
  // After the commit: bytes cannot be rolled back, so they go only once the rows surely have.
  for (const key of keys) await storage.delete(key);
}

export interface ListParams {
  query?: string;
  filter?: ClientFilter;
  sort: { field: SortField; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
  with_total?: boolean;
}

type Eb = ExpressionBuilder<Database, 'clients'>;

/** The search text and filter as one condition on `clients` (a table or a derived table of that name). */
async function matchCondition(access: ClientAccess, query: string | undefined, filter: ClientFilter) {
  const { tenant } = access;
  if (filter.custom_fields) await checkCustomFieldValues(tenant, filter.custom_fields, 'filter.custom_fields');
  const context = { timezone: tenant.business.timezone, now: access.now };
  const text = query?.trim();
  const folded = text ? escapeLike(foldForSearch(text)) : '';
  const digits = text ? digitsOf(text) : '';
  const e164 = text && digits.length >= 3 ? normalizePhone(text, tenant.business.country) : null;
  return (eb: Eb): Expression<SqlBool> => {
    const conditions = filterConditions(eb, filter, context);
    if (text) {
      conditions.push(
        eb.or([
          eb('clients.search_name', 'like', `%${folded}%`),
          eb(sql`lower(clients.email)`, 'like', `${escapeLike(text.toLowerCase())}%`),
          eb('clients.card_number', 'like', `${escapeLike(text)}%`),
          // The query's digits match the end of the stored number, whatever formatting was typed.
          ...(digits.length >= 3 ? [eb('clients.phone_reversed', 'like', `${[...digits].reverse().join('')}%`)] : []),
          ...(e164 ? [eb('clients.phone', '=', e164)] : []),
        ]),
      );
    }
    return eb.and(conditions);
  };
}

/** The clients matching a search text and filter, before sorting and paging; bulk actions reuse it. */
export async function matchingClients(access: ClientAccess, query: string | undefined, filter: ClientFilter = {}) {
  return visibleClients(access).where(await matchCondition(access, query, filter));
}

/** How many rows at the head of the sort order a filtered page looks through before collecting instead. */
const HEAD_ROWS = 10_000;

function orderOf(params: ListParams) {
  const { column, nullable } = SORTABLE[params.sort.field];
  const direction = params.sort.direction;
  // `nulls last` on a not-null column would stop PostgreSQL reading its index backwards.
  const order = (ob: OrderByItemBuilder) => {
    const ordered = direction === 'asc' ? ob.asc() : ob.desc();
    return nullable ? ordered.nullsLast() : ordered;
  };
  return { column, direction, order };
}

/** A page in list order walking the sort index; exported so the benchmark can EXPLAIN exactly this query. */
export async function pageQuery(access: ClientAccess, params: ListParams) {
  const { column, direction, order } = orderOf(params);
  const base = await matchingClients(access, params.query, params.filter);
  return base.selectAll().orderBy(column, order).orderBy('id', direction).offset(params.offset).limit(params.limit);
}

/**
 * One page of matching clients. Unfiltered, the sort index gives it at once. Filtered, the planner cannot tell
 * a condition true for 60% of the base from one true for 0.2% (a staff member's clients, "henry." clustered at
 * H), and walking the sort index for a rare match reads most of the table. So the page is first looked for in
 * the head of the sort order (HEAD_ROWS rows, a bounded read): a common match fills it there; a rare one is
 * collected through its own index and sorted, which is cheap precisely because it is rare.
 */
async function pageRows(access: ClientAccess, params: ListParams) {
  const narrowed = Boolean(params.query?.trim()) || Object.keys(params.filter ?? {}).length > 0;
  if (!narrowed) return (await pageQuery(access, params)).execute();
  const { column, direction, order } = orderOf(params);
  const condition = await matchCondition(access, params.query, params.filter ?? {});
  const wanted = params.offset + params.limit;
  if (wanted <= HEAD_ROWS / 5) {
    const head = visibleClients(access).selectAll().orderBy(column, order).orderBy('id', direction).limit(HEAD_ROWS);
    const rows = await access.tenant.db
      .selectFrom(head.as('clients'))
      .selectAll()
      .where(condition as never)
      .orderBy(column, order)
      .orderBy('id', direction)
      .offset(params.offset)
      .limit(params.limit)
      .execute();
    if (rows.length === params.limit) return rows;
  }
  // Collected narrow (id and sort key only), then the page's rows are read by id.
  const page = access.tenant.db
    .with(
      (cte) => cte('matches').materialized(),
      () => visibleClients(access).where(condition).select(['id', column]),
    )
    .selectFrom('matches')
    .select('id')
    .orderBy(column, order)
    .orderBy('id', direction)
    .offset(params.offset)
    .limit(params.limit);
  const ids = (await page.execute()).map((row) => row.id);
  if (!ids.length) return [];
  const rank = new Map(ids.map((id, i) => [id, i]));
  const rows = await access.tenant.selectFrom('clients').selectAll().where('id', 'in', ids).execute();
  return rows.sort((a, b) => (rank.get(a.id) as number) - (rank.get(b.id) as number));
}

export async function countClients(access: ClientAccess, query: string | undefined, filter?: ClientFilter) {
  const base = await matchingClients(access, query, filter);
  const row = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listClients(access: ClientAccess, params: ListParams) {
  const [rows, total] = await Promise.all([
    pageRows(access, params),
    params.with_total === false ? null : countClients(access, params.query, params.filter),
  ]);
  const categories = await loadCategories(
    access.tenant,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => clientView(row, categories.get(row.id) ?? [])), total };
}
