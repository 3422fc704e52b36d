// The one place that turns failures into the CONTRACT error shape.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Resource') => new ApiError(404, 'not_found', `${what} not found.`);
export const forbidden = (message = 'Your role does not allow this.') => new ApiError(403, 'forbidden', message);
export const unauthorized = (code: string, message: string) => new ApiError(401, code, message);
export const conflict = (code: string, message: string, details: unknown = null) =>
  new ApiError(409, code, message, details);
export const validationFailed = (details: FieldError[]) =>
  new ApiError(422, 'validation_failed', 'Some fields are invalid.', details);

export function zodDetails(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : ((issue as { keys?: string[] }).keys?.join(', ') ?? '(body)'),
    message: issue.message,
  }));
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

// Constraint violations that reach here are input the application did not pre-check: still the caller's fault.
function fromDatabase(error: PgError): ApiError | undefined {
  switch (error.code) {
    case '23505':
      return conflict('conflict', 'A record with these values already exists.', { constraint: error.constraint });
    case '23P01':
      return error.constraint === 'appointments_no_double_booking'
        ? conflict('slot_taken', 'This time is no longer free.')
        : conflict('conflict', 'The change conflicts with an existing record.');
    case '23503':
      return new ApiError(422, 'validation_failed', 'A referenced record does not exist.', [
        { field: error.constraint ?? 'reference', message: 'Unknown id.' },
      ]);
    case '23514':
    case '22001':
    case '22003':
      return new ApiError(422, 'validation_failed', 'A value is out of range.', [
        { field: error.constraint ?? 'value', message: error.detail ?? 'Out of range.' },
      ]);
    default:
      return undefined;
  }
}

function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new ApiError(413, 'payload_too_large', 'The request body is too large.');
    if (error.status === 400) return new ApiError(400, 'invalid_body', error.message || 'The request body is invalid.');
    return new ApiError(error.status as ContentfulStatusCode, 'http_error', error.message);
  }
  if (error && typeof error === 'object' && 'code' in error) return fromDatabase(error as PgError);
  return undefined;
}

export function errorBody(error: ApiError) {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

export function handleError(error: unknown, c: Context) {
  const apiError = toApiError(error);
  if (apiError) {
    for (const [name, value] of Object.entries(apiError.headers)) c.header(name, value);
    return c.json(errorBody(apiError), apiError.status);
  }
  c.get('log')?.error({ err: error }, 'unhandled error');
  return c.json(
    { error: { code: 'internal_error', message: 'Something went wrong on our side.', details: null } },
    500,
  );
}
