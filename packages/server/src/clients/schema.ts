import { z } from 'zod';
import { optionalPhoneIn, phoneIn } from '../phones/normalize';
import { clientFilter } from './filter';

/** Sort field → column, and whether the column can be null (those need `nulls last` and their own indexes). */
export const SORTABLE = {
  name: { column: 'name_sort', nullable: false },
  total_sold: { column: 'total_sold', nullable: false },
  total_paid: { column: 'total_paid', nullable: false },
  visits_count: { column: 'visits_count', nullable: false },
  first_visit_at: { column: 'first_visit_at', nullable: true },
  last_visit_at: { column: 'last_visit_at', nullable: true },
  discount: { column: 'discount', nullable: false },
  balance: { column: 'balance', nullable: false },
  birth_date: { column: 'birth_date', nullable: true },
  created_at: { column: 'created_at', nullable: false },
  average_check: { column: 'average_check', nullable: true },
} as const;

export type SortField = keyof typeof SORTABLE;

export const sortParam = z
  .string()
  .regex(
    new RegExp(`^(${Object.keys(SORTABLE).join('|')}):(asc|desc)$`),
    `Use field:asc or field:desc with one of ${Object.keys(SORTABLE).join(', ')}.`,
  )
  .transform((value) => {
    const [field, direction] = value.split(':') as [SortField, 'asc' | 'desc'];
    return { field, direction };
  });

const MAX_LIMIT = 500;
const paging = {
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((n) => Math.min(n, MAX_LIMIT))
    .default(50),
};

export const listQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  sort: sortParam.prefault('name:asc'),
  ...paging,
});

export const searchBody = z.strictObject({
  query: z.string().trim().max(200).optional(),
  filter: clientFilter.optional(),
  sort: sortParam.prefault('name:asc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z
    .number()
    .int()
    .min(1)
    .transform((n) => Math.min(n, MAX_LIMIT))
    .default(50),
  /** false skips the exact count (answered as null): a table fetching further windows already knows it. */
  with_total: z.boolean().default(true),
});

const optionalText = (max: number) => z.string().trim().max(max).nullish();
const isoDate = z.iso.date('A date as YYYY-MM-DD.');

/** The client fields, phones checked and normalised in the business's `country` along with the rest. */
const clientFieldsIn = (country: string) => ({
  first_name: z.string().trim().min(1).max(100),
  last_name: optionalText(100),
  middle_name: optionalText(100),
  phone: phoneIn(country),
  additional_phone: optionalPhoneIn(country),
  email: z.email().max(254).nullish(),
  gender: z.enum(['female', 'male', 'unspecified']).optional(),
  importance: z.number().int().min(0).max(3).optional(),
  discount: z.number().int().min(0).max(100).optional(),
  card_number: optionalText(64),
  birth_date: isoDate.nullish(),
  note: optionalText(5000),
  custom_fields: z
    .record(z.string().max(63), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .optional(),
  /** The client's manually assigned categories (replaces them); rule-assigned ones are kept. */
  category_ids: z.array(z.uuid()).max(100).optional(),
  online_booking_disabled: z.boolean().optional(),
  online_booking_disabled_reason: optionalText(500),
  marketing_allowed: z.boolean().optional(),
  push_enabled: z.boolean().optional(),
});

function bodiesIn(country: string) {
  const fields = clientFieldsIn(country);
  return { create: z.strictObject(fields), update: z.strictObject(fields).partial() };
}

// A handful of countries per deployment: building the schemas once each keeps validation as cheap as before.
const bodiesByCountry = new Map<string, ReturnType<typeof bodiesIn>>();

/** The create and update bodies for a business in `country`. */
export function clientBodies(country: string) {
  const key = country.toUpperCase();
  let bodies = bodiesByCountry.get(key);
  if (!bodies) {
    bodies = bodiesIn(key);
    bodiesByCountry.set(key, bodies);
  }
  return bodies;
}

export type ClientInput = z.output<ReturnType<typeof bodiesIn>['update']>;
