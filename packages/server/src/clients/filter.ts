// The segment filter of CONTRACT.md: a zod schema (so bad values are a 422 naming the field) and its
// translation to SQL over the kept-exact aggregates. All conditions combine with AND.
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { addDays, isLeapYear, localDate, startOfDay } from '../time/zoned';

const id = z.uuid();
const ids = z.array(id).min(1).max(500);
const money = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
const count = z.number().int().min(0).max(1_000_000);
const days = z.number().int().min(0).max(3660);
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'A month and day as MM-DD.');
/** A date (the start of that day in the business's time zone) or an ISO timestamp with offset. */
const dateOrTimestamp = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'A date (YYYY-MM-DD) or an ISO 8601 timestamp with offset.',
});

export const clientFilter = z
  .strictObject({
    categories: z.strictObject({ any: ids.optional(), all: ids.optional(), none: ids.optional() }).optional(),
    last_visit_before: dateOrTimestamp.optional(),
    last_visit_after: dateOrTimestamp.optional(),
    no_visit_for_days: days.optional(),
    visits_min: count.optional(),
    visits_max: count.optional(),
    total_sold_min: money.optional(),
    total_sold_max: money.optional(),
    average_check_min: money.optional(),
    average_check_max: money.optional(),
    balance_min: money.optional(),
    balance_max: money.optional(),
    has_debt: z.boolean().optional(),
    birthday_within_days: z.number().int().min(0).max(366).optional(),
    birthday_from: monthDay.optional(),
    birthday_to: monthDay.optional(),
    membership_expires_within_days: days.optional(),
    gender: z.enum(['female', 'male', 'unspecified']).optional(),
    online_booking_disabled: z.boolean().optional(),
    location_ids: ids.optional(),
    staff_ids: ids.optional(),
    service_ids: ids.optional(),
    created_after: dateOrTimestamp.optional(),
    created_before: dateOrTimestamp.optional(),
    source: z.enum(['online', 'admin', 'import']).optional(),
    has_email: z.boolean().optional(),
    has_phone: z.boolean().optional(),
    has_mobile_app: z.boolean().optional(),
    importance: z.number().int().min(0).max(3).optional(),
    marketing_allowed: z.boolean().optional(),
    push_enabled: z.boolean().optional(),
    custom_fields: z.record(z.string().max(63), z.union([z.string().max(1000), z.number(), z.boolean()])).optional(),
  })
  .refine((f) => (f.birthday_from === undefined) === (f.birthday_to === undefined), {
    path: ['birthday_to'],
    message: 'birthday_from and birthday_to go together.',
  });

export type ClientFilter = z.output<typeof clientFilter>;

export interface FilterContext {
  timezone: string;
  now: Date;
}

type Eb = ExpressionBuilder<Database, 'clients'>;

function instant(value: string, timezone: string): Date {
  return value.length === 10 ? startOfDay(value, timezone) : new Date(value);
}

const md = (date: string) => Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

/**
 * Birthdays (as MMDD numbers) from today through today + days, in the business's zone. Feb 29 birthdays
 * are celebrated on Feb 28 in common years, so the window holds 229 whenever it holds Feb 28 of such a year.
 */
export function birthdayWindow(today: string, days: number): number[] {
  const values = new Set<number>();
  for (let i = 0; i <= days && values.size < 366; i++) {
    const date = addDays(today, i);
    values.add(md(date));
    if (date.slice(5) === '02-28' && !isLeapYear(Number(date.slice(0, 4)))) values.add(229);
  }
  return [...values];
}

/** The client's kept set `column` shares an element with `ids` (a GIN-indexed overlap). */
function overlaps(column: 'location_ids' | 'staff_ids' | 'service_ids', ids: string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(`clients.${column}`)} && ${ids}::uuid[]`;
}

/** Clients of these branches: created at one of them or visited one. */
export function clientsAtLocations(locationIds: string[]): Expression<SqlBool> {
  return overlaps('location_ids', locationIds);
}

export function filterConditions(eb: Eb, filter: ClientFilter, context: FilterContext): Expression<SqlBool>[] {
  const { timezone, now } = context;
  const where: Expression<SqlBool>[] = [];
  const range = (column: 'visits_count' | 'total_sold' | 'average_check' | 'balance', min?: number, max?: number) => {
    if (min !== undefined) where.push(eb(`clients.${column}`, '>=', min));
    if (max !== undefined) where.push(eb(`clients.${column}`, '<=', max));
  };
  const flag = (column: 'online_booking_disabled' | 'marketing_allowed' | 'push_enabled', value?: boolean) => {
    if (value !== undefined) where.push(eb(`clients.${column}`, '=', value));
  };
  const present = (column: 'email' | 'phone' | 'mobile_app_platform', value?: boolean) => {
    if (value !== undefined) where.push(eb(`clients.${column}`, value ? 'is not' : 'is', null));
  };
  const inCategories = (categoryIds: string[]) =>
    eb.exists(
      eb
        .selectFrom('client_categories')
        .select(sql`1`.as('one'))
        .whereRef('client_categories.client_id', '=', 'clients.id')
        .where('client_categories.category_id', 'in', categoryIds),
    );

  if (filter.categories?.any) where.push(inCategories(filter.categories.any));
  for (const categoryId of new Set(filter.categories?.all ?? [])) where.push(inCategories([categoryId]));
  if (filter.categories?.none) where.push(eb.not(inCategories(filter.categories.none)));

  if (filter.last_visit_before)
    where.push(eb('clients.last_visit_at', '<', instant(filter.last_visit_before, timezone)));
  if (filter.last_visit_after)
    where.push(eb('clients.last_visit_at', '>=', instant(filter.last_visit_after, timezone)));
  // "Not visited for N days": came before, and not since the start of the day N days ago.
  if (filter.no_visit_for_days !== undefined) {
    const since = startOfDay(addDays(localDate(now, timezone), -filter.no_visit_for_days), timezone);
    where.push(eb('clients.last_visit_at', '<', since));
  }
  range('visits_count', filter.visits_min, filter.visits_max);
  range('total_sold', filter.total_sold_min, filter.total_sold_max);
  range('average_check', filter.average_check_min, filter.average_check_max);
  range('balance', filter.balance_min, filter.balance_max);
  if (filter.has_debt !== undefined) {
    where.push(
      filter.has_debt
        ? eb('clients.total_paid', '<', eb.ref('clients.total_sold'))
        : eb('clients.total_paid', '>=', eb.ref('clients.total_sold')),
    );
  }

  if (filter.birthday_within_days !== undefined) {
    where.push(eb('clients.birth_md', 'in', birthdayWindow(localDate(now, timezone), filter.birthday_within_days)));
  }
  if (filter.birthday_from && filter.birthday_to) {
    const from = md(`0000-${filter.birthday_from}`);
    const to = md(`0000-${filter.birthday_to}`);
    where.push(
      from <= to
        ? eb.and([eb('clients.birth_md', '>=', from), eb('clients.birth_md', '<=', to)])
        : eb.or([eb('clients.birth_md', '>=', from), eb('clients.birth_md', '<=', to)]),
    );
  }
  // The client's membership cover ends in the window (a renewal already bought runs past it: not expiring).
  if (filter.membership_expires_within_days !== undefined) {
    const until = new Date(now.getTime() + filter.membership_expires_within_days * 86_400_000);
    where.push(eb('clients.membership_expires_at', '>=', now), eb('clients.membership_expires_at', '<=', until));
  }

  if (filter.gender) where.push(eb('clients.gender', '=', filter.gender));
  flag('online_booking_disabled', filter.online_booking_disabled);
  flag('marketing_allowed', filter.marketing_allowed);
  flag('push_enabled', filter.push_enabled);
  if (filter.location_ids) where.push(clientsAtLocations(filter.location_ids));
  if (filter.staff_ids) where.push(overlaps('staff_ids', filter.staff_ids));
  if (filter.service_ids) where.push(overlaps('service_ids', filter.service_ids));
  if (filter.created_after) where.push(eb('clients.created_at', '>=', instant(filter.created_after, timezone)));
  if (filter.created_before) where.push(eb('clients.created_at', '<', instant(filter.created_before, timezone)));
  if (filter.source) where.push(eb('clients.source', '=', filter.source));
  present('email', filter.has_email);
  present('phone', filter.has_phone);
  present('mobile_app_platform', filter.has_mobile_app);
  if (filter.importance !== undefined) where.push(eb('clients.importance', '=', filter.importance));
  if (filter.custom_fields && Object.keys(filter.custom_fields).length) {
    where.push(sql<SqlBool>`clients.custom_fields @> ${JSON.stringify(filter.custom_fields)}::jsonb`);
  }
  return where;
}
