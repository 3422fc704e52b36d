/** The error body every API route answers with (CONTRACT.md, "Errors"). */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: unknown;
  };
}

/** Codes the client itself produces when there is no usable API answer. */
export type ClientErrorCode = 'network_error' | 'invalid_response';

/**
 * A failed API call: either an error answer from the API (status ≥ 400 with the CONTRACT error shape) or a
 * transport problem (`status` 0, code `network_error`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody, options?: { cause?: unknown }) {
    super(body.error.message, options);
    this.status = status;
    this.code = body.error.code;
    this.details = body.error.details ?? null;
  }

  /** The error as the API sent it, e.g. to show `details` field messages next to form fields. */
  toJSON(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
