// Exporting a selection to Excel in the background. The requester gets the download link by email (a
// person asked); requested with the secret key there is nobody to email, so the link is in the result.
import { z } from 'zod';
import type { ClientAccess } from '../clients/access';
import type { Config } from '../config';
import { exportColumnsSchema, resolveColumns } from '../exports/columns';
import { exportClients } from '../exports/service';
import type { FileStorage } from '../files/storage';
import type { JobContext } from '../jobs/queue';
import type { Channels } from '../messaging/channel';
import { sendComposed } from '../messaging/send';
import { jobAccess, jobAccessSchema, jobAuthor } from './job-access';
import { selectedClients, selectionSchema } from './selection';

export const exportParams = z.object({
  selection: selectionSchema,
  access: jobAccessSchema,
  columns: exportColumnsSchema,
  base_url: z.url(),
  total: z.number().int().min(0),
});

const formatExpiry = (iso: string, timezone: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: timezone }).format(new Date(iso));

/** The link goes through the email channel and into the message log, like any other email we send. */
function emailLink(access: ClientAccess, channels: Channels, to: string, rows: number, url: string, expires: string) {
  const body =
    `Your export of ${rows.toLocaleString('en-GB')} clients is ready to download:\n\n${url}\n\n` +
    `The link works until ${formatExpiry(expires, access.tenant.business.timezone)}. Anyone with the link can ` +
    'download the file, so do not forward it.';
  const message = {
    channel: 'email' as const,
    recipient: { address: to, name: null },
    subject: 'Your client export is ready',
    body,
    characters: Array.from(body).length,
    sms: null,
  };
  return sendComposed(access, channels, null, message, 'export_link');
}

export async function runBulkExport(
  context: JobContext,
  services: { channels: Channels; storage: FileStorage; config: Config },
) {
  const params = exportParams.parse(context.job.params);
  const { tenant } = context;
  const access = jobAccess(tenant, params.access);
  const columns = await resolveColumns(tenant, params.columns);
  const stored = await exportClients(access, services.storage, services.config, {
    jobId: context.job.id,
    requestedBy: params.access.user_id,
    author: jobAuthor(params.access),
    columns,
    selected: await selectedClients(access, params.selection),
    baseUrl: params.base_url,
    onRows: (rows) => context.progress(params.total ? (0.95 * rows) / params.total : 0.5),
  });
  const result = { action: 'export', export_id: stored.export_id, rows: stored.rows, expires_at: stored.expires_at };
  const requester = params.access.user_id
    ? await tenant.selectFrom('users').select('email').where('id', '=', params.access.user_id).executeTakeFirst()
    : undefined;
  if (!requester) return { ...result, url: stored.url };
  const message = await emailLink(
    access,
    services.channels,
    requester.email,
    stored.rows,
    stored.url,
    stored.expires_at,
  );
  return { ...result, emailed_to: requester.email, email_status: message.status };
}
