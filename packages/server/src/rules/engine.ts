// Automatic categories and discounts: rules over the kept-exact aggregates. Set-based SQL, so the same
// code re-evaluates one client inside the transaction that changed its visits, payments or ledger, or the
// whole base when a rule changes.
import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { CategoryRuleTable, Database } from '../db/schema';
import type { ScopedDb } from '../tenancy/scoped-db';

type Rule = Selectable<CategoryRuleTable>;
type Eb = ExpressionBuilder<Database, 'clients'>;

const DAY_MS = 86_400_000;

export function ruleCondition(eb: Eb, rule: Rule, now: Date): Expression<SqlBool> {
  const op = rule.operator === 'gte' ? '>=' : '<=';
  if (rule.metric === 'days_since_first_visit') {
    // Days since the first visit ≥ N ⇔ the first visit is at or before now − N days (and mirrored for ≤).
    const boundary = new Date(now.getTime() - rule.threshold * DAY_MS);
    return eb.and([
      eb('clients.first_visit_at', 'is not', null),
      eb('clients.first_visit_at', rule.operator === 'gte' ? '<=' : '>=', boundary),
    ]);
  }
  return eb(`clients.${rule.metric}`, op, rule.threshold);
}

/**
 * Re-evaluates every active rule for the given clients (all clients of the business when omitted):
 * rule-assigned categories follow their rules; a matching discount rule raises the discount to its
 * percentage (manual discounts above it stay). Manually assigned categories are never touched.
 */
export async function applyRules(tenant: ScopedDb, now: Date, clientIds?: string[]): Promise<void> {
  if (clientIds && !clientIds.length) return;
  const rules = await tenant.selectFrom('category_rules').selectAll().where('active', '=', true).execute();
  const forClients = (eb: Eb) => (clientIds ? eb('clients.id', 'in', clientIds) : sql<SqlBool>`true`);

  const byCategory = new Map<string, Rule[]>();
  for (const rule of rules) {
    if (rule.category_id) byCategory.set(rule.category_id, [...(byCategory.get(rule.category_id) ?? []), rule]);
  }
  const matchesAny = (eb: Eb, list: Rule[]) => eb.or(list.map((rule) => ruleCondition(eb, rule, now)));

  for (const [categoryId, list] of byCategory) {
    await tenant.db
      .insertInto('client_categories')
      .columns(['business_id', 'client_id', 'category_id', 'assigned_by'])
      .expression(
        tenant
          .selectFrom('clients')
          .select((eb) => [
            'clients.business_id',
            'clients.id',
            eb.val(categoryId).as('category_id'),
            eb.val('rule').as('assigned_by'),
          ])
          .where((eb) => eb.and([forClients(eb), matchesAny(eb, list)])),
      )
      .onConflict((oc) => oc.columns(['client_id', 'category_id']).doNothing())
      .execute();
    await tenant
      .deleteFrom('client_categories')
      .where('category_id', '=', categoryId)
      .where('assigned_by', '=', 'rule')
      .where('client_id', 'in', () =>
        tenant
          .selectFrom('clients')
          .select('clients.id')
          .where((eb) => eb.and([forClients(eb), eb.not(matchesAny(eb, list))])),
      )
      .execute();
  }
  // Rules that no longer exist or were switched off release the categories they assigned.
  await tenant
    .deleteFrom('client_categories')
    .where('assigned_by', '=', 'rule')
    .where('category_id', 'not in', [...byCategory.keys(), '00000000-0000-0000-0000-000000000000'])
    .where((eb) => (clientIds ? eb('client_id', 'in', clientIds) : sql<SqlBool>`true`))
    .execute();

  // Highest matching discount first, so each client ends at the best tier it qualifies for.
  const discountRules = rules
    .filter((rule) => rule.discount !== null)
    .sort((a, b) => (b.discount ?? 0) - (a.discount ?? 0));
  for (const rule of discountRules) {
    await tenant
      .updateTable('clients')
      .set({ discount: rule.discount as number })
      .where((eb) => eb.and([forClients(eb as unknown as Eb), ruleCondition(eb as unknown as Eb, rule, now)]))
      .where('discount', '<', rule.discount as number)
      .execute();
  }
}
