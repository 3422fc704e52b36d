// Request shapes of the admin appointment routes.
import { z } from 'zod';

const MAX_SERVICES = 20;
const MAX_AMOUNT = 1_000_000_000_000;

const id = z.uuid().transform((value) => value.toLowerCase());
const instant = z.iso.datetime({ offset: true });
/** A date is read in the business's time zone. */
const instantOrDate = z.union([z.iso.date(), instant]);

const serviceIds = z
  .array(id)
  .min(1)
  .max(MAX_SERVICES)
  .refine((list) => new Set(list).size === list.length, 'Each service once.');

const comment = z.string().trim().max(1000);

export const listQuery = z.strictObject({
  from: instantOrDate,
  to: instantOrDate,
  location_id: id.optional(),
  staff_id: id.optional(),
});
export type ListQuery = z.output<typeof listQuery>;

export const createBody = z.strictObject({
  client_id: id,
  location_id: id,
  staff_id: id,
  service_ids: serviceIds,
  starts_at: instant,
  ends_at: instant.optional(),
  // Arrival and no-show are outcomes: they are set on an existing booking, not booked.
  status: z.enum(['pending', 'confirmed']).default('confirmed'),
  comment: comment.optional(),
});
export type CreateBody = z.output<typeof createBody>;

export const updateBody = z
  .strictObject({
    // Accepted so that sending the same client is harmless; a different one is refused with a reason.
    client_id: id,
    location_id: id,
    staff_id: id,
    service_ids: serviceIds,
    starts_at: instant,
    ends_at: instant,
    status: z.enum(['pending', 'confirmed', 'arrived', 'no_show', 'cancelled']),
    comment: comment.nullable(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.');
export type UpdateBody = z.output<typeof updateBody>;

const CARD_METHODS = ['loyalty', 'gift_card'] as const;

export const paymentBody = z
  .strictObject({
    method: z.enum(['cash', 'card', 'account', ...CARD_METHODS]),
    amount: z.number().int().positive().max(MAX_AMOUNT),
    loyalty_card_id: id.optional(),
  })
  .superRefine((value, ctx) => {
    const byCard = (CARD_METHODS as readonly string[]).includes(value.method);
    if (byCard && !value.loyalty_card_id)
      ctx.addIssue({ code: 'custom', path: ['loyalty_card_id'], message: `Required for ${value.method} payments.` });
    if (!byCard && value.loyalty_card_id)
      ctx.addIssue({ code: 'custom', path: ['loyalty_card_id'], message: 'Only for loyalty and gift_card payments.' });
  });
export type PaymentBody = z.output<typeof paymentBody>;
