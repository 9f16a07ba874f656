import { HttpStatus } from '@nestjs/common';
import { DomainErrorFilter } from './domain-error.filter.js';
import { HTTP_STATUS, toGraphQLError } from './domain-error-mapping.js';
import { ERROR_CODES, badInput, tooManyRequests } from './errors.js';
import { formatError } from './format-error.js';

/** What a REST route's response received from the filter. */
function answerOverHttp(error: Error) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: unknown) => (sent.body = body),
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => response }) };
  new DomainErrorFilter().catch(error as never, host as never);
  return sent;
}

describe('domain errors at the edge', () => {
  it('gives every error code an HTTP status', () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('answers throttling the same way over REST and GraphQL', () => {
    const error = tooManyRequests('Too many requests. Wait 30 s and try again.', 30);
    expect(answerOverHttp(error)).toEqual({
      status: HttpStatus.TOO_MANY_REQUESTS,
      headers: { 'Retry-After': '30' },
      body: { code: 'TOO_MANY_REQUESTS', message: error.message, retryAfterSeconds: 30 },
    });
    expect(toGraphQLError(error).extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30 });
  });

  it('names the field of bad input on both edges', () => {
    const error = badInput('from must be before to', 'filter.from');
    expect(answerOverHttp(error)).toMatchObject({
      status: HttpStatus.BAD_REQUEST,
      body: { code: 'BAD_USER_INPUT', field: 'filter.from' },
    });
    expect(toGraphQLError(error).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.from' });
  });

  it('maps a domain error that reached GraphQL unfiltered (a field resolver) by its code, not as a crash', () => {
    const error = badInput('bad id', 'id');
    const formatted = formatError({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, true, {
      originalError: error,
    });
    expect(formatted).toEqual({ message: 'bad id', extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
  });
});
