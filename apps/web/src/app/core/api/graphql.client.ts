import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { TypedDocumentString } from './typed-document';

/** An error a person can act on: the API's code (or NETWORK) and its message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/** Variables may be left out when the operation has none (or only optional ones). */
type VariablesArgument<V> = Record<never, never> extends V ? [variables?: V] : [variables: V];

/**
 * Posts GraphQL operations to the same origin through HttpClient; the auth interceptor adds the
 * session's token and ends the session on an UNAUTHENTICATED answer.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlClient {
  private readonly http = inject(HttpClient);

  /**
   * Runs an operation made with `operation()`: its result and variables types come with the
   * document (generated from the schema by npm run codegen), e.g. `request(ME)`.
   */
  async request<R, V>(document: TypedDocumentString<R, V>, ...[variables]: VariablesArgument<V>): Promise<R> {
    let status: number;
    let body: GraphQLResponse<R> | null;
    try {
      const response = await firstValueFrom(
        this.http.post<GraphQLResponse<R>>('/graphql', { query: document, variables: variables ?? {} }, { observe: 'response' }),
      );
      status = response.status;
      body = response.body;
    } catch (error) {
      if (!(error instanceof HttpErrorResponse) || error.status === 0) throw new ApiError('NETWORK', 'network');
      status = error.status;
      // GraphQL errors may come with a 4xx status; anything else (a proxy's page, unreadable JSON) is the status alone.
      body = isGraphQLResponse<R>(error.error) ? error.error : null;
      if (!body) throw new ApiError(status >= 500 ? 'NETWORK' : 'INTERNAL_SERVER_ERROR', `HTTP ${status}`);
    }
    const error = body?.errors?.[0];
    if (error) throw new ApiError(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.message, error.extensions?.field);
    if (!body?.data) throw new ApiError('INTERNAL_SERVER_ERROR', `HTTP ${status}`);
    return body.data;
  }
}

function isGraphQLResponse<T>(body: unknown): body is GraphQLResponse<T> {
  return !!body && typeof body === 'object' && ('errors' in body || 'data' in body);
}
