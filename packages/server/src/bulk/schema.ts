// POST /v1/clients/bulk bodies, one shape per action (CONTRACT.md).
import { z } from 'zod';
import { color } from '../categories/routes';
import { exportColumnsSchema } from '../exports/columns';
import { messageFields } from '../messaging/send';
import { selectionSchema } from './selection';

const categoryName = z.string().trim().min(1).max(60);

const addCategory = z
  .strictObject({
    action: z.literal('add_category'),
    selection: selectionSchema,
    category_id: z.uuid().optional(),
    new_category: z.strictObject({ name: categoryName, color }).optional(),
  })
  .refine((body) => Boolean(body.category_id) !== Boolean(body.new_category), {
    message: 'Give either category_id or new_category.',
    path: ['category_id'],
  });

const removeCategory = z.strictObject({
  action: z.literal('remove_category'),
  selection: selectionSchema,
  category_id: z.uuid(),
});

const sendMessage = z
  .strictObject({
    action: z.literal('send_message'),
    selection: selectionSchema,
    ...messageFields,
    /** The sender confirms they may send this (consent, content): required to send, not to estimate. */
    legal_ack: z.literal(true, 'Confirm that you are responsible for this message and may send it.').optional(),
    /** Only count who would receive it and who would be skipped, and why; nothing is sent. */
    dry_run: z.boolean().default(false),
  })
  .refine((body) => body.dry_run || body.legal_ack === true, {
    message: 'Confirm that you are responsible for this message and may send it.',
    path: ['legal_ack'],
  });

const deleteClients = z.strictObject({
  action: z.literal('delete'),
  selection: selectionSchema,
  confirm: z.literal('DELETE', 'Type DELETE to confirm.'),
});

const exportClients = z.strictObject({
  action: z.literal('export'),
  selection: selectionSchema,
  columns: exportColumnsSchema,
});

export const bulkBody = z.discriminatedUnion('action', [
  addCategory,
  removeCategory,
  sendMessage,
  deleteClients,
  exportClients,
]);

export type BulkBody = z.output<typeof bulkBody>;
export type SendMessageBody = Extract<BulkBody, { action: 'send_message' }>;
