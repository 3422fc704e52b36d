// Which accrued bonuses are still unspent, and so when they expire. The rule is first in, first out:
// every debit (redeem, write-off, expire) uses up the oldest accrual first, whatever its expiry date.
import type { LoyaltyTransactionTable } from '../db/schema';

export type TransactionKind = LoyaltyTransactionTable['kind'];

export interface LedgerEntry {
  kind: TransactionKind;
  amount: number;
  expires_at: Date | null;
}

export interface Totals {
  accrued: number;
  redeemed: number;
  written_off: number;
  expired: number;
}

const TOTAL_OF: Record<TransactionKind, keyof Totals> = {
  accrue: 'accrued',
  redeem: 'redeemed',
  write_off: 'written_off',
  expire: 'expired',
};

export function totalsOf(entries: readonly LedgerEntry[]): Totals {
  const totals: Totals = { accrued: 0, redeemed: 0, written_off: 0, expired: 0 };
  for (const entry of entries) totals[TOTAL_OF[entry.kind]] += entry.amount;
  return totals;
}

/** What is left of each accrual once the debits took their share, oldest first. `entries` oldest first. */
export function unspentAccruals(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const open: LedgerEntry[] = [];
  let first = 0;
  for (const entry of entries) {
    if (entry.kind === 'accrue') {
      open.push({ ...entry });
      continue;
    }
    let debit = entry.amount;
    while (debit > 0 && first < open.length) {
      const oldest = open[first] as LedgerEntry;
      const taken = Math.min(oldest.amount, debit);
      oldest.amount -= taken;
      debit -= taken;
      if (oldest.amount === 0) first++;
    }
  }
  return open.slice(first).filter((accrual) => accrual.amount > 0);
}

/** Unspent bonuses that expire after `now`, summed per expiry time, soonest first. */
export function expiringBonuses(entries: readonly LedgerEntry[], now: Date): { expires_at: string; amount: number }[] {
  const byTime = new Map<number, number>();
  for (const accrual of unspentAccruals(entries)) {
    if (!accrual.expires_at || accrual.expires_at <= now) continue;
    const time = accrual.expires_at.getTime();
    byTime.set(time, (byTime.get(time) ?? 0) + accrual.amount);
  }
  return [...byTime]
    .sort(([a], [b]) => a - b)
    .map(([time, amount]) => ({ expires_at: new Date(time).toISOString(), amount }));
}
