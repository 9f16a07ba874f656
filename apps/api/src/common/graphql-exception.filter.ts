import { Catch, HttpStatus } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';

const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
};

/**
 * Errors we raise on purpose (bad input, forbidden, …) are answers, not server faults: GraphQL
 * gets them as they are, without logging them as crashes; plain HTTP routes (the CSV import)
 * answer them with the matching status and `{ code, message }`.
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<string>() !== 'http') return error;
    const code = String(error.extensions['code'] ?? 'BAD_USER_INPUT');
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HTTP_STATUS[code] ?? HttpStatus.BAD_REQUEST)
      .json({ code, message: error.message, ...(error.extensions['field'] ? { field: error.extensions['field'] } : {}) });
  }
}
