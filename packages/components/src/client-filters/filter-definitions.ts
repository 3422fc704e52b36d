import type { ClientFilter } from '../api/types.js';
import type { MessageKey } from '../localize.js';

export type FilterKind =
  | 'categories'
  | 'date'
  | 'days'
  | 'count-range'
  | 'money-range'
  | 'boolean'
  | 'choice'
  | 'ids'
  | 'birthday-range';

export interface FilterDefinition {
  /** Identifies the control; for ranges the keys are `<id>_min`/`<id>_max`. */
  id: string;
  kind: FilterKind;
  label: MessageKey;
  /** The filter keys this control writes. */
  keys: (keyof ClientFilter)[];
  choices?: { value: string | number; label: MessageKey }[];
  /** Catalogue endpoint for `ids`. */
  source?: '/v1/locations' | '/v1/staff' | '/v1/services';
}

const range = (id: string, kind: 'count-range' | 'money-range', label: MessageKey): FilterDefinition => ({
  id,
  kind,
  label,
  keys: [`${id}_min`, `${id}_max`] as (keyof ClientFilter)[],
});
const single = (id: keyof ClientFilter, kind: FilterKind, label: MessageKey): FilterDefinition => ({
  id,
  kind,
  label,
  keys: [id],
});

/** Every filter of the contract, in the order the "Add filter" menu lists them. */
export const FILTERS: readonly FilterDefinition[] = [
  single('categories', 'categories', 'f.categories'),
  single('last_visit_before', 'date', 'f.last_visit_before'),
  single('last_visit_after', 'date', 'f.last_visit_after'),
  single('no_visit_for_days', 'days', 'f.no_visit_for_days'),
  range('visits', 'count-range', 'f.visits'),
  range('total_sold', 'money-range', 'f.total_sold'),
  range('average_check', 'money-range', 'f.average_check'),
  range('balance', 'money-range', 'f.balance'),
  single('has_debt', 'boolean', 'f.has_debt'),
  single('birthday_within_days', 'days', 'f.birthday_within_days'),
  { id: 'birthday', kind: 'birthday-range', label: 'f.birthday', keys: ['birthday_from', 'birthday_to'] },
  single('membership_expires_within_days', 'days', 'f.membership_expires_within_days'),
  {
    ...single('gender', 'choice', 'f.gender'),
    choices: [
      { value: 'female', label: 'filters.female' },
      { value: 'male', label: 'filters.male' },
      { value: 'unspecified', label: 'filters.unspecified' },
    ],
  },
  single('online_booking_disabled', 'boolean', 'f.online_booking_disabled'),
  { ...single('location_ids', 'ids', 'f.location_ids'), source: '/v1/locations' },
  { ...single('staff_ids', 'ids', 'f.staff_ids'), source: '/v1/staff' },
  { ...single('service_ids', 'ids', 'f.service_ids'), source: '/v1/services' },
  single('created_after', 'date', 'f.created_after'),
  single('created_before', 'date', 'f.created_before'),
  {
    ...single('source', 'choice', 'f.source'),
    choices: [
      { value: 'online', label: 'filters.source.online' },
      { value: 'admin', label: 'filters.source.admin' },
      { value: 'import', label: 'filters.source.import' },
    ],
  },
  single('has_email', 'boolean', 'f.has_email'),
  single('has_phone', 'boolean', 'f.has_phone'),
  single('has_mobile_app', 'boolean', 'f.has_mobile_app'),
  {
    ...single('importance', 'choice', 'f.importance'),
    choices: [0, 1, 2, 3].map((value) => ({ value, label: `filters.importance.${value}` as MessageKey })),
  },
  single('marketing_allowed', 'boolean', 'f.marketing_allowed'),
  single('push_enabled', 'boolean', 'f.push_enabled'),
];

/** Whether any of the definition's keys is set in `filter`. */
export function isActive(definition: FilterDefinition, filter: ClientFilter): boolean {
  return definition.keys.some((key) => filter[key] !== undefined);
}

export function withoutKeys(filter: ClientFilter, keys: readonly string[]): ClientFilter {
  const next: Record<string, unknown> = { ...filter };
  for (const key of keys) delete next[key];
  return next as ClientFilter;
}
