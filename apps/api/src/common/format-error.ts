import type { GraphQLFormattedError } from 'graphql';
import { domainErrorIn, toGraphQLError } from './domain-error-mapping.js';
import { ERROR_CODES } from './errors.js';

/** Our own codes, and those of the GraphQL layer that describe the client's request. */
const PUBLIC_CODES = new Set<string>([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * What a client may see of an error: our own codes with their messages and fields; anything
 * unexpected becomes a plain INTERNAL_SERVER_ERROR (in production without the original message,
 * which may hold SQL or paths). Stack traces never leave the server.
 */
export function formatError(formatted: GraphQLFormattedError, production: boolean, error?: unknown): GraphQLFormattedError {
  // A domain error thrown where no Nest filter runs (a field resolver, a data loader) is mapped here,
  // with the same function the filter uses.
  const domain = domainErrorIn(error);
  if (domain) formatted = { ...formatted, message: domain.message, extensions: toGraphQLError(domain).extensions };
  const code = typeof formatted.extensions?.['code'] === 'string' ? (formatted.extensions['code'] as string) : undefined;
  if (code && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, originalError: _original, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  return {
    message: production ? 'Something went wrong on the server. Try again later.' : formatted.message,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
