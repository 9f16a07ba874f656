import { HttpErrorResponse, HttpResponse } from '@angular/common/http';
import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { tap } from 'rxjs';
import { TokenStore } from './token.store';

/**
 * Every request to the app's own server (GraphQL, the CSV import, the CSV exports) carries the
 * session's token in the Authorization header, never in the URL. An answer saying the token is no
 * longer good — HTTP 401, or an UNAUTHENTICATED error in a GraphQL body, whatever its status —
 * ends the session and sends the user to sign in, where the login page says it expired.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const tokens = inject(TokenStore);
  const router = inject(Router);
  const token = tokens.token();
  // Without a session there is nothing to send or to end; other origins never see the token.
  if (!token || !isOwnServer(request.url)) return next(request);

  const expire = () => {
    // Requests in flight together may all come back refused: the first ends the session, the
    // others find their token already gone (or replaced by a new sign-in) and leave it be.
    if (tokens.token() !== token) return;
    tokens.clear();
    void router.navigate(['/login'], { queryParams: { reason: 'expired' } });
  };

  return next(request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse && saysUnauthenticated(event.body)) expire();
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && (error.status === 401 || saysUnauthenticated(error.error))) expire();
      },
    }),
  );
};

/** A path on this origin (`/graphql`, `/api/…`), not a URL of another site. */
function isOwnServer(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** A GraphQL body (`errors[].extensions.code`) or a REST one (`code`) saying UNAUTHENTICATED. */
function saysUnauthenticated(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const { code, errors } = body as { code?: unknown; errors?: unknown };
  if (code === 'UNAUTHENTICATED') return true;
  return (
    Array.isArray(errors) &&
    errors.some((error: { extensions?: { code?: unknown } } | null) => error?.extensions?.code === 'UNAUTHENTICATED')
  );
}
