// Body pieces the catalogue resources share.
import { z } from 'zod';

export const name = z.string().trim().min(1).max(200);

/** Optional text; an empty string clears it like null does. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value === '' ? null : value));

/** Ids of this business's records, each kept once. */
export const ids = z
  .array(z.uuid())
  .max(500)
  .transform((list) => [...new Set(list.map((id) => id.toLowerCase()))]);

/** A PATCH body: any of the fields, at least one. */
export function patchOf<Shape extends z.ZodRawShape>(body: z.ZodObject<Shape>) {
  return body.partial().refine((value) => Object.keys(value).length > 0, 'Send at least one field to change.');
}
