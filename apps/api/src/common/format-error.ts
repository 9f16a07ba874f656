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
 * Apollo Server's own refusals of a persisted query that carry no code (so would read as a server
 * fault) although the client is at fault; Apollo already answers them with HTTP 400.
 */
const APOLLO_CLIENT_ERRORS = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

/**
 * graphql-js's "did you mean" hints: field and argument names ("Did you mean "email"?") and enum
 * values ("Did you mean the enum value "INBOUND"?"), in validation and in variable coercion alike
 * (and what graphql-armor leaves where it masked one).
 * They describe the schema, which production keeps to itself along with introspection.
 */
const SUGGESTION = /\s*(?:Did you mean [^?]*\?|\[Suggestion hidden\]\??)/g;

export function hideSuggestions(message: string): string {
  return message.replace(SUGGESTION, '').trim();
}

/**
 * What a client may see of an error: our own codes with their messages and fields; anything
 * unexpected becomes a plain INTERNAL_SERVER_ERROR (in production without the original message,
 * which may hold SQL or paths). Stack traces never leave the server, nor, in production, any
 * suggestion of a name or value the schema holds.
 */
export function formatError(formatted: GraphQLFormattedError, production: boolean, error?: unknown): GraphQLFormattedError {
  // A domain error thrown where no Nest filter runs (a field resolver, a data loader) is mapped here,
  // with the same function the filter uses.
  const domain = domainErrorIn(error);
  if (domain) formatted = { ...formatted, message: domain.message, extensions: toGraphQLError(domain).extensions };
  const code = typeof formatted.extensions?.['code'] === 'string' ? (formatted.extensions['code'] as string) : undefined;
  if (APOLLO_CLIENT_ERRORS.has(formatted.message)) {
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  if (code && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, originalError: _original, ...extensions } = formatted.extensions ?? {};
    const message = production ? hideSuggestions(formatted.message) : formatted.message;
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  }
  return {
    message: production ? 'Something went wrong on the server. Try again later.' : formatted.message,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
