import type { TestApp } from './test-app.js';

/** The GraphQL documents of signing in, changing one's own user and creating a user. */
export const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
export const CHANGE = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }';
export const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';

export interface Answer {
  code: string;
  message: string;
  field?: string;
  retryAfterSeconds?: number;
  token?: string;
  setCookies: string[];
}

/**
 * One real HTTP request to /graphql, answered as its first error's code (or OK), message and
 * facts; `address` goes in X-Forwarded-For (for apps that trust one proxy hop).
 */
export async function post(
  app: TestApp,
  query: string,
  variables: Record<string, unknown>,
  options: { address?: string; cookie?: string; token?: string } = {},
): Promise<Answer> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.address ? { 'x-forwarded-for': options.address } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: { login?: { accessToken: string } } | null;
    errors?: Array<{ message: string; extensions?: { code?: string; field?: string; retryAfterSeconds?: number } }>;
  };
  const error = body.errors?.[0];
  return {
    code: error ? (error.extensions?.code ?? 'NONE') : 'OK',
    message: error?.message ?? '',
    field: error?.extensions?.field,
    retryAfterSeconds: error?.extensions?.retryAfterSeconds,
    token: body.data?.login?.accessToken,
    setCookies: response.headers.getSetCookie(),
  };
}

export const login = (app: TestApp, email: string, password: string, options: { address?: string; cookie?: string } = {}) =>
  post(app, LOGIN, { e: email, p: password }, options);
