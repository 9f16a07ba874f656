import { GraphQLError } from 'graphql';

/** The error codes of docs/api.md#errors; every error a client sees carries one in `extensions.code`. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Bad input, naming the field (dotted path such as `input.criteria[2].weight`) a person should fix. */
export function badInput(message: string, field?: string, extra: Record<string, unknown> = {}): GraphQLError {
  return apiError('BAD_USER_INPUT', message, field ? { field, ...extra } : extra);
}

export const unauthenticated = (message = 'Sign in to continue.') => apiError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') => apiError('FORBIDDEN', message);
export const notFound = (what: string) => apiError('NOT_FOUND', `${what} was not found.`);
export const conflict = (message: string) => apiError('CONFLICT', message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  apiError('TOO_MANY_REQUESTS', message, { retryAfterSeconds });
