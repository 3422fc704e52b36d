// POST /v1/clients/bulk: category changes answer at once; messages and deletes run as jobs (202).

import { Hono } from 'hono';
import { assertPermission } from '../auth/middleware';
import type { Permission } from '../auth/permissions';
import { actorOf } from '../auth/principal';
import { clientAccess } from '../clients/access';
import type { Config } from '../config';
import { recordDataLog } from '../data-log/record';
import { resolveColumns } from '../exports/columns';
import { exportBaseUrl } from '../exports/store';
import type { AppEnv } from '../http/env';
import { jsonBody } from '../http/validate';
import type { JobQueue } from '../jobs/queue';
import { addCategory, categoryOf, createCategory, removeCategory } from './categories';
import { jobAccessOf } from './job-access';
import { type BulkBody, bulkBody } from './schema';
import { countSelected } from './selection';
import { checkTemplate, estimateSend } from './send';

const PERMISSION: Record<BulkBody['action'], Permission> = {
  add_category: 'clients_write',
  remove_category: 'clients_write',
  send_message: 'bulk_message',
  delete: 'bulk_delete',
  export: 'export',
};

export const bulkRoutes = (jobs: JobQueue, config: Config) =>
  new Hono<AppEnv>().post('/bulk', jsonBody(bulkBody), async (c) => {
    const body = c.req.valid('json');
    assertPermission(c.get('principal'), PERMISSION[body.action]);
    const access = clientAccess(c);
    const author = actorOf(c.get('principal'));
    switch (body.action) {
      case 'add_category':
      case 'remove_category': {
        const adding = body.action === 'add_category';
        if (adding && body.new_category) assertPermission(c.get('principal'), 'categories_manage');
        // One statement either way; past BULK_INLINE_ROWS it is long enough to be a job the bar follows.
        if ((await countSelected(access, body.selection)) <= config.bulkInlineRows) {
          const result = adding
            ? await addCategory(access, body.selection, body, author)
            : await removeCategory(access, body.selection, body.category_id, author);
          return c.json(result, 200);
        }
        // An unknown category or a taken name is refused now, not in the job.
        const categoryId =
          adding && body.new_category
            ? (await createCategory(access.tenant, body.new_category)).id
            : (await categoryOf(access.tenant, body.category_id as string)).id;
        const job = await jobs.enqueue(access.tenant, 'bulk_category', author.user_id, async () => ({
          action: body.action,
          category_id: categoryId,
          selection: body.selection,
          access: jobAccessOf(access, author),
        }));
        return c.json({ job }, 202);
      }
      case 'send_message': {
        const template = { channel: body.channel, subject: body.subject ?? null, body: body.body };
        await checkTemplate(access, template);
        if (body.dry_run)
          return c.json(
            { action: 'send_message', dry_run: true, ...(await estimateSend(access, body.selection, body.channel)) },
            200,
          );
        const total = await countSelected(access, body.selection);
        const job = await jobs.enqueue(access.tenant, 'bulk_send', author.user_id, async (tenant) => {
          const campaign = await tenant
            .insertInto('campaigns', {
              ...template,
              selection: JSON.stringify(body.selection),
              created_by: author.user_id,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const dataLogId = await recordDataLog(tenant, author, {
            action: 'bulk_message',
            entity: 'client',
            rowCount: 0,
            details: { campaign_id: campaign.id, channel: body.channel, selected: total },
          });
          return {
            ...template,
            selection: body.selection,
            access: jobAccessOf(access, author),
            campaign_id: campaign.id,
            data_log_id: dataLogId,
            total,
          };
        });
        return c.json({ job }, 202);
      }
      case 'delete': {
        const total = await countSelected(access, body.selection);
        const job = await jobs.enqueue(access.tenant, 'bulk_delete', author.user_id, async (tenant) => {
          const dataLogId = await recordDataLog(tenant, author, {
            action: 'bulk_delete',
            entity: 'client',
            rowCount: 0,
            details: { selected: total },
          });
          return { selection: body.selection, access: jobAccessOf(access, author), data_log_id: dataLogId, total };
        });
        return c.json({ job }, 202);
      }
      case 'export': {
        await resolveColumns(access.tenant, body.columns);
        const total = await countSelected(access, body.selection);
        const job = await jobs.enqueue(access.tenant, 'export', author.user_id, async () => ({
          selection: body.selection,
          access: jobAccessOf(access, author),
          columns: body.columns,
          // The link's origin is the one the requester used (or PUBLIC_BASE_URL), known only here.
          base_url: exportBaseUrl(config, c.req.url),
          total,
        }));
        return c.json({ job }, 202);
      }
    }
  });
