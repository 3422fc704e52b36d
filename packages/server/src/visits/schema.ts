import { z } from 'zod';
import { paging } from '../http/paging';

export const VISIT_TYPES = ['all', 'unpaid', 'debt'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export const visitsQuery = z.strictObject({
  type: z.enum(VISIT_TYPES).default('all'),
  ...paging,
});
export type VisitsQuery = z.output<typeof visitsQuery>;
