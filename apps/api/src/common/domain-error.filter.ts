import { Catch } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { toGraphQLError, toHttpAnswer } from './domain-error-mapping.js';
import { DomainError } from './errors.js';

/**
 * Errors raised on purpose (bad input, forbidden, …) are answers, not server faults. GraphQL gets
 * them as GraphQL errors with their code, without logging them as crashes; plain HTTP routes (the
 * CSV import and export) answer with the matching status and `{ code, message }`. The mapping is
 * in domain-error-mapping.ts; field resolvers, which Nest does not run through filters, are
 * mapped by formatError with the same functions.
 */
@Catch(DomainError, GraphQLError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError | GraphQLError, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<string>() !== 'http') return error instanceof DomainError ? toGraphQLError(error) : error;
    const domain =
      error instanceof DomainError
        ? error
        : new DomainError(
            String(error.extensions['code'] ?? 'BAD_USER_INPUT') as DomainError['code'],
            error.message,
            error.extensions,
          );
    const answer = toHttpAnswer(domain);
    const response = host.switchToHttp().getResponse<Response>();
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    // A GraphQL-layer code with no entry of its own (a scalar's parse error) is bad input.
    response.status(answer.status ?? 400).json(answer.body);
  }
}
