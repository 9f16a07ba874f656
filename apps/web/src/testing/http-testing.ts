import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { authInterceptor } from '../app/core/auth/auth.interceptor';
import { TokenStore } from '../app/core/auth/token.store';

export interface Navigation {
  commands: unknown[];
  extras: unknown;
}

/**
 * A TestBed with the real HttpClient and auth interceptor over Angular's testing backend, and a
 * Router that only records where it was sent (so a spec sees a sign-out without routing). Call
 * in `beforeEach`; `navigations` is a new list each time. With `token`, a user is signed in.
 */
export function configureHttpTesting(token?: string): { http: HttpTestingController; navigations: Navigation[] } {
  sessionStorage.clear();
  const navigations: Navigation[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      {
        provide: Router,
        useValue: {
          navigate: (commands: unknown[], extras: unknown) => {
            navigations.push({ commands, extras });
            return Promise.resolve(true);
          },
        },
      },
    ],
  });
  if (token) TestBed.inject(TokenStore).set(token);
  return { http: TestBed.inject(HttpTestingController), navigations };
}

/** Lets the promise-based services subscribe before the test looks for their request. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve));
