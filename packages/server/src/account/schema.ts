import { z } from 'zod';
import { paging } from '../http/paging';

const MAX_AMOUNT = 10_000_000_000;

export const accountQuery = z.strictObject(paging);
export type AccountQuery = z.output<typeof accountQuery>;

export const transactionBody = z.strictObject({
  kind: z.enum(['top_up', 'charge', 'refund']),
  amount: z.number().int().min(1).max(MAX_AMOUNT),
  // A blank comment is no comment.
  comment: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((value) => value || null),
});
export type TransactionBody = z.output<typeof transactionBody>;
