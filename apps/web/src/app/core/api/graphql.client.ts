import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { TokenStore } from '../auth/token.store';

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

/**
 * Posts GraphQL operations to the same origin with the session's token. An UNAUTHENTICATED
 * answer (expired or revoked token) ends the session and sends the user to sign in.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlClient {
  private readonly tokens = inject(TokenStore);
  private readonly router = inject(Router);

  /**
   * Runs an operation. `T` and `V` are the result and variables types generated for it from the
   * schema (npm run codegen), e.g. `request<MeQuery>(ME)`.
   */
  async request<T, V extends object = Record<string, never>>(query: string, variables?: V): Promise<T> {
    const token = this.tokens.token();
    let response: Response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables: variables ?? {} }),
      });
    } catch {
      throw new ApiError('NETWORK', 'network');
    }
    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      throw new ApiError(response.status >= 500 ? 'NETWORK' : 'INTERNAL_SERVER_ERROR', `HTTP ${response.status}`);
    }
    const error = body.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      if (code === 'UNAUTHENTICATED' && token) {
        this.tokens.clear();
        void this.router.navigate(['/login'], { queryParams: { reason: 'expired' } });
      }
      throw new ApiError(code, error.message, error.extensions?.field);
    }
    if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', `HTTP ${response.status}`);
    return body.data;
  }
}
