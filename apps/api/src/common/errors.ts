/**
 * The errors services raise on purpose. They know nothing of GraphQL or HTTP: the edge maps them
 * once (`domain-error-mapping.ts`) to a GraphQL error code and to an HTTP status, so a GraphQL
 * operation and a REST route (the CSV import and export) give the same answer for the same fault.
 * The codes are listed in docs/api.md.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
] as const;

/** The error codes of docs/api.md#errors; every error a client sees carries one in `extensions.code`. */
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra facts for the client: `field` for bad input, `retryAfterSeconds` for throttling. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, extensions);
}

/** Bad input, naming the field (dotted path such as `input.criteria[2].weight`) a person should fix. */
export function badInput(message: string, field?: string, extra: Record<string, unknown> = {}): DomainError {
  return apiError('BAD_USER_INPUT', message, field ? { field, ...extra } : extra);
}

export const unauthenticated = (message = 'Sign in to continue.') => apiError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') => apiError('FORBIDDEN', message);
export const notFound = (what: string) => apiError('NOT_FOUND', `${what} was not found.`);
export const conflict = (message: string) => apiError('CONFLICT', message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  apiError('TOO_MANY_REQUESTS', message, { retryAfterSeconds });
