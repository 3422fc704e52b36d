import { z } from 'zod';

export const SORTABLE = {
  name: 'name_sort',
  total_sold: 'total_sold',
  total_paid: 'total_paid',
  visits_count: 'visits_count',
  first_visit_at: 'first_visit_at',
  last_visit_at: 'last_visit_at',
  discount: 'discount',
  balance: 'balance',
  birth_date: 'birth_date',
  created_at: 'created_at',
  average_check: 'average_check',
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
  filter: z.record(z.string(), z.unknown()).optional(),
  sort: sortParam.prefault('name:asc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z
    .number()
    .int()
    .min(1)
    .transform((n) => Math.min(n, MAX_LIMIT))
    .default(50),
});

const optionalText = (max: number) => z.string().trim().max(max).nullish();
const isoDate = z.iso.date('A date as YYYY-MM-DD.');

export const clientFields = {
  first_name: z.string().trim().min(1).max(100),
  last_name: optionalText(100),
  middle_name: optionalText(100),
  phone: z.string().trim().min(3).max(40),
  additional_phone: z.string().trim().max(40).nullish(),
  email: z.email().max(254).nullish(),
  gender: z.enum(['female', 'male', 'unspecified']).optional(),
  importance: z.number().int().min(0).max(3).optional(),
  discount: z.number().int().min(0).max(100).optional(),
  card_number: optionalText(64),
  birth_date: isoDate.nullish(),
  note: optionalText(5000),
  custom_fields: z.record(z.string(), z.union([z.string().max(1000), z.number(), z.null()])).optional(),
  online_booking_disabled: z.boolean().optional(),
  online_booking_disabled_reason: optionalText(500),
  marketing_allowed: z.boolean().optional(),
  push_enabled: z.boolean().optional(),
};

export const createClientBody = z.strictObject(clientFields);
export const updateClientBody = z.strictObject(clientFields).partial();
export type ClientInput = z.output<typeof updateClientBody>;
