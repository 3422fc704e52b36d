// Request validation: zod schemas behind Hono's validator, failures in the CONTRACT shape.
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import type { AppEnv } from './env';
import { notFound, validationFailed, zodDetails } from './errors';

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(zodDetails(result.error));
  return result.data;
}

/**
 * JSON body. Hono answers 400 for a body that is not JSON; we answer 422 for JSON with bad values. `schema` may
 * be a function of the request, for rules that depend on the caller's business (e.g. phones in its country).
 */
export const jsonBody = <S extends z.ZodType>(schema: S | ((c: Context<AppEnv>) => S)) =>
  validator(
    'json',
    (value, c): z.output<S> => parse(typeof schema === 'function' ? schema(c as Context<AppEnv>) : schema, value),
  );

export const queryParams = <S extends z.ZodType>(schema: S) =>
  validator('query', (value): z.output<S> => parse(schema, value));

export const pathParams = <S extends z.ZodType>(schema: S) =>
  validator('param', (value): z.output<S> => parse(schema, value));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An `:id` that is not one of our ids cannot exist: 404, as for any unknown id. */
export const idParam = (what: string) =>
  validator('param', (value: Record<string, string>): { id: string } => {
    const id = value.id ?? '';
    if (!UUID.test(id)) throw notFound(what);
    return { id: id.toLowerCase() };
  });
