// The public slots request: GET /v1/public/booking/slots?location_id=&service_ids=a,b&staff_id=&date=
import { z } from 'zod';
import { isCalendarDate, MAX_SERVICES, UUID } from './availability';

const id = z.string().regex(UUID, 'Not an id.');
const splitIds = (value: string) => value.split(',').map((part) => part.trim());

export const slotsQuery = z.object({
  location_id: id,
  // Checked as one string so an error names `service_ids`, not `service_ids.2`; a repeated parameter
  // (`service_ids=a&service_ids=b`) means the same as a comma list.
  service_ids: z
    .preprocess((value) => (Array.isArray(value) ? value.join(',') : value), z.string())
    .refine((value) => {
      const ids = splitIds(value);
      return ids.length <= MAX_SERVICES && ids.every((part) => UUID.test(part)) && new Set(ids).size === ids.length;
    }, `One to ${MAX_SERVICES} distinct service ids, comma-separated.`)
    .transform(splitIds),
  // A form may send `staff_id=` for "any staff".
  staff_id: z.preprocess((value) => (value === '' ? undefined : value), id.optional()),
  date: z.string().refine(isCalendarDate, 'A date as YYYY-MM-DD.'),
});

/** GET /v1/public/booking/days: the same choice of services and staff, over `days` dates from `from`. */
export const daysQuery = slotsQuery.omit({ date: true }).extend({
  from: z.string().refine(isCalendarDate, 'A date as YYYY-MM-DD.'),
  days: z.coerce.number().int().min(1).max(31).default(7),
});
