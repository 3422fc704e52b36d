import { z } from 'zod';

const MAX_AMOUNT = 10_000_000_000;

const amount = z.number().int().min(1).max(MAX_AMOUNT);
const instant = z.iso.datetime({ offset: true, message: 'An ISO 8601 time with offset, e.g. 2027-01-31T00:00:00Z.' });
// A blank text is no text.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

export const CARD_KINDS = ['loyalty', 'gift_card', 'membership'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const issueCardBody = z
  .strictObject({
    kind: z.enum(CARD_KINDS),
    name: optionalText(100),
    discount: z.number().int().min(0).max(100).default(0),
    expires_at: instant.nullish(),
    balance: z.number().int().min(0).max(MAX_AMOUNT).optional(),
    visits_left: z.number().int().min(0).max(10_000).nullish(),
  })
  .superRefine((value, ctx) => {
    // Each kind holds one thing: a gift card money, a membership visits, a loyalty card bonuses (accrued).
    if (value.balance !== undefined && value.kind !== 'gift_card')
      ctx.addIssue({ code: 'custom', path: ['balance'], message: 'Only a gift card starts with a balance.' });
    if (value.visits_left != null && value.kind !== 'membership')
      ctx.addIssue({ code: 'custom', path: ['visits_left'], message: 'Only a membership counts visits.' });
  });
export type IssueCardBody = z.output<typeof issueCardBody>;

export const TRANSACTION_KINDS = ['accrue', 'write_off'] as const;

export const cardTransactionBody = z
  .strictObject({
    kind: z.enum(TRANSACTION_KINDS),
    amount,
    comment: optionalText(500),
    /** When these accrued bonuses expire. */
    expires_at: instant.nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.expires_at && value.kind !== 'accrue')
      ctx.addIssue({ code: 'custom', path: ['expires_at'], message: 'Only accrued bonuses expire.' });
  });
export type CardTransactionBody = z.output<typeof cardTransactionBody>;
