// Taking money for an appointment: cash or card as they come, or from what the client holds with the
// salon (the account, a loyalty or gift card). Balances never go below zero, also when several desks
// charge the same client at once: every payment locks its appointment and then the balance it draws on.
import type { Selectable } from 'kysely';
import { refreshAggregates } from '../clients/aggregates';
import type { PaymentTable } from '../db/schema';
import { conflict, notFound, validationFailed } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { type AdminAppointment, withDetails } from './list';
import type { PaymentBody } from './schema';

const PAYMENT_COMMENT = 'Payment for an appointment';

interface Draw {
  appointmentId: string;
  clientId: string;
  amount: number;
}

const insufficient = (held: number, amount: number) =>
  conflict('insufficient_balance', `The balance is ${held}, less than the ${amount} to pay.`, { balance: held });

/** A charge on the client's account, with the balance it leaves. */
async function chargeAccount(trx: ScopedDb, draw: Draw, userId: string | null) {
  // The client row is the ledger's lock: charges queue here and each reads the balance the previous left
  // (the balance column is kept exact with the ledger in every transaction that writes it).
  const client = await trx
    .selectFrom('clients')
    .select('balance')
    .where('id', '=', draw.clientId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (client.balance < draw.amount) throw insufficient(client.balance, draw.amount);
  await trx
    .insertInto('account_transactions', {
      client_id: draw.clientId,
      kind: 'charge',
      amount: draw.amount,
      balance_after: client.balance - draw.amount,
      comment: PAYMENT_COMMENT,
      appointment_id: draw.appointmentId,
      created_by: userId,
    })
    .execute();
}

/** Points of a loyalty card or value of a gift card, in minor units, redeemed for the appointment. */
async function redeemCard(trx: ScopedDb, draw: Draw, kind: 'loyalty' | 'gift_card', cardId: string, now: Date) {
  const card = await trx
    .selectFrom('loyalty_cards')
    .select(['client_id', 'kind', 'balance', 'expires_at', 'deleted_at'])
    .where('id', '=', cardId)
    .forUpdate()
    .executeTakeFirst();
  if (!card || card.client_id !== draw.clientId || card.deleted_at)
    throw validationFailed([{ field: 'loyalty_card_id', message: "Not a card of this appointment's client." }]);
  if (card.kind !== kind)
    throw validationFailed([{ field: 'loyalty_card_id', message: `This is a ${card.kind} card, not a ${kind} card.` }]);
  if (card.expires_at && card.expires_at <= now) throw conflict('card_expired', 'This card has expired.');
  if (card.balance < draw.amount) throw insufficient(card.balance, draw.amount);
  await trx
    .updateTable('loyalty_cards')
    .set((eb) => ({ balance: eb('balance', '-', draw.amount) }))
    .where('id', '=', cardId)
    .execute();
  await trx
    .insertInto('loyalty_transactions', {
      card_id: cardId,
      kind: 'redeem',
      amount: draw.amount,
      comment: PAYMENT_COMMENT,
      appointment_id: draw.appointmentId,
    })
    .execute();
}

function paymentView(row: Selectable<PaymentTable>) {
  return {
    id: row.id,
    appointment_id: row.appointment_id,
    client_id: row.client_id,
    method: row.method,
    amount: row.amount,
    loyalty_card_id: row.loyalty_card_id,
    created_at: row.created_at.toISOString(),
  };
}

export type PaymentView = ReturnType<typeof paymentView> & { appointment: AdminAppointment };

export async function addPayment(
  tenant: ScopedDb,
  appointmentId: string,
  input: PaymentBody,
  context: { now: Date; userId: string | null },
): Promise<PaymentView> {
  return tenant.transaction(async (trx) => {
    // Locked first: payments of one appointment queue, so together they never exceed what is due.
    const appointment = await trx
      .selectFrom('appointments')
      .select(['client_id', 'status', 'total', 'paid'])
      .where('id', '=', appointmentId)
      .forUpdate()
      .executeTakeFirst();
    if (!appointment) throw notFound('Appointment');
    if (appointment.status === 'cancelled')
      throw conflict('appointment_cancelled', 'A cancelled appointment takes no payments; restore it first.');
    const due = appointment.total - appointment.paid;
    if (input.amount > due)
      throw validationFailed([
        { field: 'amount', message: due > 0 ? `At most ${due} is still due.` : 'Nothing is due on this appointment.' },
      ]);

    const draw = { appointmentId, clientId: appointment.client_id, amount: input.amount };
    if (input.method === 'account') await chargeAccount(trx, draw, context.userId);
    if (input.method === 'loyalty' || input.method === 'gift_card')
      await redeemCard(trx, draw, input.method, input.loyalty_card_id as string, context.now);

    const payment = await trx
      .insertInto('payments', {
        appointment_id: appointmentId,
        client_id: appointment.client_id,
        method: input.method,
        amount: input.amount,
        loyalty_card_id: input.loyalty_card_id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const row = await trx
      .updateTable('appointments')
      .set((eb) => ({ paid: eb('paid', '+', input.amount), updated_at: context.now }))
      .where('id', '=', appointmentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshAggregates(trx, [appointment.client_id], context.now);
    return { ...paymentView(payment), appointment: (await withDetails(trx, [row]))[0] as AdminAppointment };
  });
}
