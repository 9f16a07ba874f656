import { HttpStatus } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DomainError } from './errors.js';
import type { ErrorCode } from './errors.js';

/** Each error code's HTTP status: the one table both REST routes and GraphQL's transport use. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
};

/** A domain error as GraphQL reports it: the message, and the code beside its extra facts. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, code: error.code }, originalError: error });
}

/** A domain error as a REST route answers it: status, optional Retry-After, and `{ code, message, field? }`. */
export function toHttpAnswer(error: DomainError): {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
} {
  const retry = error.extensions['retryAfterSeconds'];
  return {
    status: HTTP_STATUS[error.code],
    headers: typeof retry === 'number' ? { 'Retry-After': String(retry) } : {},
    body: {
      code: error.code,
      message: error.message,
      ...(error.extensions['field'] ? { field: error.extensions['field'] } : {}),
      ...(typeof retry === 'number' ? { retryAfterSeconds: retry } : {}),
    },
  };
}

/** The domain error behind whatever GraphQL or Nest wrapped around it, if there is one. */
export function domainErrorIn(error: unknown): DomainError | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}
