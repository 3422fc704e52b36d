// The client's account with the salon: a ledger of top-ups, charges and refunds (money given back onto
// the account) whose sum is the balance. A writer locks the client row first, as payments from the
// account do, so concurrent writers queue and each one's balance_after starts from what the previous
// left: the balance cannot go below zero through a race.
import { type Selectable, sql } from 'kysely';
import { type ClientAccess, visibleClients } from '../clients/access';
import { refreshAggregates } from '../clients/aggregates';
import { recordDataLog } from '../data-log/record';
import type { AccountTransactionTable } from '../db/schema';
import { conflict, notFound } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import type { AccountQuery, TransactionBody } from './schema';

export function transactionView(row: Selectable<AccountTransactionTable>) {
  return {
    id: row.id,
    kind: row.kind,
    amount: row.amount,
    balance_after: row.balance_after,
    comment: row.comment,
    appointment_id: row.appointment_id,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
  };
}

/**
 * The balance of a client the caller can see, or 404. `lock` takes the row FOR UPDATE inside `tenant`'s
 * transaction: the client row is what every writer of the ledger queues on (see appointments/payments.ts).
 */
async function balanceOf(access: ClientAccess, clientId: string, options: { tenant?: ScopedDb; lock?: boolean } = {}) {
  let query = visibleClients({ ...access, tenant: options.tenant ?? access.tenant })
    .select('balance')
    .where('id', '=', clientId);
  if (options.lock) query = query.forUpdate();
  const client = await query.executeTakeFirst();
  if (!client) throw notFound('Client');
  return client.balance;
}

export async function getAccount(access: ClientAccess, clientId: string, query: AccountQuery) {
  const balance = await balanceOf(access, clientId);
  const ledger = access.tenant.selectFrom('account_transactions').where('client_id', '=', clientId);
  const [rows, count] = await Promise.all([
    ledger
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(query.offset)
      .limit(query.limit)
      .execute(),
    ledger.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { balance, items: rows.map(transactionView), total: Number(count.n) };
}

/** Who is writing: the session's user when there is one; `actor` names a key otherwise. */
export interface Author {
  actor: string;
  user_id: string | null;
}

export async function addTransaction(access: ClientAccess, clientId: string, input: TransactionBody, author: Author) {
  return access.tenant.transaction(async (trx) => {
    const balance = await balanceOf(access, clientId, { tenant: trx, lock: true });
    const balanceAfter = balance + (input.kind === 'charge' ? -input.amount : input.amount);
    if (balanceAfter < 0)
      throw conflict('insufficient_balance', `The balance is ${balance}, less than the ${input.amount} to charge.`, {
        balance,
      });
    const row = await trx
      .insertInto('account_transactions', {
        client_id: clientId,
        kind: input.kind,
        amount: input.amount,
        balance_after: balanceAfter,
        comment: input.comment,
        created_by: author.user_id,
        // Taken after the lock (now() is when the transaction began), so newest first is the order the
        // writers queued in and balance_after reads as a running sum down the list. ScopedDb types
        // inserts as plain values; kysely passes an expression through as well.
        created_at: sql`clock_timestamp()` as unknown as Date,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshAggregates(trx, [clientId], access.now);
    await recordDataLog(trx, author, {
      action: 'account_transaction',
      entity: 'client',
      rowCount: 1,
      details: { client_id: clientId, transaction_id: row.id, kind: row.kind, amount: row.amount },
    });
    return { ...transactionView(row), balance: await balanceOf(access, clientId, { tenant: trx }) };
  });
}
