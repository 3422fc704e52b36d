// Adding or removing a category for a whole selection: one set-based statement each, so "all 45,210
// matching" costs one round trip and answers at once.
import { sql } from 'kysely';
import { z } from 'zod';
import type { ClientAccess } from '../clients/access';
import type { Author } from '../data-log/record';
import { recordDataLog } from '../data-log/record';
import { conflict, notFound } from '../http/errors';
import type { JobContext } from '../jobs/queue';
import type { ScopedDb } from '../tenancy/scoped-db';
import { jobAccess, jobAccessSchema, jobAuthor } from './job-access';
import { type Selection, selectedClients, selectionSchema } from './selection';

export async function categoryOf(tenant: ScopedDb, id: string) {
  const category = await tenant.selectFrom('categories').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!category) throw notFound('Category');
  return category;
}

export async function createCategory(tenant: ScopedDb, input: { name: string; color: string }) {
  const taken = await tenant
    .selectFrom('categories')
    .select('id')
    .where(sql`lower(name)`, '=', input.name.toLowerCase())
    .executeTakeFirst();
  if (taken)
    throw conflict('category_exists', 'A category with this name exists; pick it instead.', { category_id: taken.id });
  return tenant.insertInto('categories', input).returning(['id', 'name']).executeTakeFirstOrThrow();
}

/** Staff adding a category means it: a rule-assigned one becomes manual, so it stays when the rule stops matching. */
export async function addCategory(
  access: ClientAccess,
  selection: Selection,
  target: { category_id?: string | undefined; new_category?: { name: string; color: string } | undefined },
  author: Author,
) {
  return access.tenant.transaction(async (tenant) => {
    const scoped = { ...access, tenant };
    const category = target.new_category
      ? await createCategory(tenant, target.new_category)
      : await categoryOf(tenant, target.category_id as string);
    const selected = (await selectedClients(scoped, selection)).select((eb) => [
      'clients.business_id',
      'clients.id',
      eb.val(category.id).as('category_id'),
      eb.val('manual').as('assigned_by'),
    ]);
    const result = await tenant.db
      .insertInto('client_categories')
      .columns(['business_id', 'client_id', 'category_id', 'assigned_by'])
      .expression(selected as never)
      .onConflict((oc) =>
        oc
          .columns(['client_id', 'category_id'])
          .doUpdateSet({ assigned_by: 'manual' })
          .where('client_categories.assigned_by', '!=', 'manual'),
      )
      .executeTakeFirst();
    const affected = Number(result.numInsertedOrUpdatedRows ?? 0);
    await recordDataLog(tenant, author, {
      action: 'bulk_add_category',
      entity: 'client',
      rowCount: affected,
      details: { category_id: category.id, category_name: category.name, created: Boolean(target.new_category) },
    });
    return { action: 'add_category' as const, category: { id: category.id, name: category.name }, affected };
  });
}

/** Removes the category however it was assigned; a rule that still matches assigns it again on its next run. */
export async function removeCategory(access: ClientAccess, selection: Selection, categoryId: string, author: Author) {
  return access.tenant.transaction(async (tenant) => {
    const category = await categoryOf(tenant, categoryId);
    const selected = (await selectedClients({ ...access, tenant }, selection)).select('clients.id');
    const result = await tenant
      .deleteFrom('client_categories')
      .where('category_id', '=', category.id)
      .where('client_id', 'in', selected as never)
      .executeTakeFirst();
    const affected = Number(result.numDeletedRows);
    await recordDataLog(tenant, author, {
      action: 'bulk_remove_category',
      entity: 'client',
      rowCount: affected,
      details: { category_id: category.id, category_name: category.name },
    });
    return { action: 'remove_category' as const, category: { id: category.id, name: category.name }, affected };
  });
}

export const categoryJobParams = z.object({
  action: z.enum(['add_category', 'remove_category']),
  category_id: z.uuid(),
  selection: selectionSchema,
  access: jobAccessSchema,
});

/** The same change for a selection too large to answer at once (more than BULK_INLINE_ROWS clients). */
export async function runBulkCategory(context: JobContext) {
  const params = categoryJobParams.parse(context.job.params);
  const access = jobAccess(context.tenant, params.access);
  const author = jobAuthor(params.access);
  return params.action === 'add_category'
    ? addCategory(access, params.selection, { category_id: params.category_id }, author)
    : removeCategory(access, params.selection, params.category_id, author);
}
