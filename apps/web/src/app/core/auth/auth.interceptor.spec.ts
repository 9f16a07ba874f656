import { HttpClient } from '@angular/common/http';
import type { HttpErrorResponse } from '@angular/common/http';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FileDownloader } from '../api/download';
import { ApiError, GraphqlClient } from '../api/graphql.client';
import { configureHttpTesting, settle } from '../../../testing/http-testing';
import type { Navigation } from '../../../testing/http-testing';
import { ME } from './session.service';
import { TokenStore } from './token.store';

const UNAUTHENTICATED = { data: null, errors: [{ message: 'Sign in to continue.', extensions: { code: 'UNAUTHENTICATED' } }] };

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let tokens: TokenStore;
  let navigations: Navigation[];

  beforeEach(() => {
    ({ http, navigations } = configureHttpTesting());
    tokens = TestBed.inject(TokenStore);
  });

  afterEach(() => http.verify());

  const expiredNavigation = { commands: ['/login'], extras: { queryParams: { reason: 'expired' } } };

  it('adds the Bearer token to GraphQL requests and returns the typed data', async () => {
    tokens.set('t-1');
    const result = TestBed.inject(GraphqlClient).request(ME);
    const request = http.expectOne('/graphql');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Authorization')).toBe('Bearer t-1');
    expect(request.request.body).toEqual({ query: ME, variables: {} });
    request.flush({ data: { me: { id: 'u1', email: 'a@b', name: 'Ana', roles: ['ADMIN'], locale: 'es' } } });
    expect((await result).me.name).toBe('Ana');
    expect(navigations).toEqual([]);
  });

  it('sends no Authorization header without a session, nor to another origin', async () => {
    TestBed.inject(GraphqlClient)
      .request(ME)
      .catch(() => undefined);
    const anonymous = http.expectOne('/graphql');
    expect(anonymous.request.headers.has('Authorization')).toBe(false);
    anonymous.flush(UNAUTHENTICATED);

    tokens.set('t-1');
    const downloader = TestBed.inject(FileDownloader);
    downloader.download('https://elsewhere.example/file.csv', {}, 'x.csv').catch(() => undefined);
    await settle();
    const foreign = http.expectOne((request) => request.url.startsWith('https://elsewhere.example/'));
    expect(foreign.request.headers.has('Authorization')).toBe(false);
    foreign.flush(new Blob(['no']), { status: 404, statusText: 'Not Found' });
    await settle();
    // Without a token nothing is ended; another site's refusal is not the session's.
    expect(navigations).toEqual([]);
    expect(tokens.token()).toBe('t-1');
  });

  it('signs out once on UNAUTHENTICATED in a 200 GraphQL body, however many requests get it', async () => {
    tokens.set('t-1');
    const api = TestBed.inject(GraphqlClient);
    const first = api.request(ME);
    const second = api.request(ME);
    const [a, b] = http.match('/graphql');
    a!.flush(UNAUTHENTICATED);
    b!.flush(UNAUTHENTICATED);
    await expect(first).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Sign in to continue.' });
    await expect(second).rejects.toBeInstanceOf(ApiError);
    expect(tokens.token()).toBeNull();
    expect(sessionStorage.getItem('decalogo.token')).toBeNull();
    expect(navigations).toEqual([expiredNavigation]);
  });

  it('signs out once on HTTP 401, however many requests get it', async () => {
    tokens.set('t-1');
    const client = TestBed.inject(HttpClient);
    const failures: number[] = [];
    for (let i = 0; i < 2; i++)
      client.get('/api/imports/calls/imp-1').subscribe({ error: (error: HttpErrorResponse) => failures.push(error.status) });
    const requests = http.match('/api/imports/calls/imp-1');
    expect(requests.map((r) => r.request.headers.get('Authorization'))).toEqual(['Bearer t-1', 'Bearer t-1']);
    for (const request of requests) request.flush({ code: 'UNAUTHENTICATED' }, { status: 401, statusText: 'Unauthorized' });
    expect(failures).toEqual([401, 401]);
    expect(tokens.token()).toBeNull();
    expect(navigations).toEqual([expiredNavigation]);
  });

  it('signs out once when a CSV download gets 401', async () => {
    tokens.set('t-1');
    const download = TestBed.inject(FileDownloader).download('/api/exports/evaluations.csv', { from: '2025-01-01' }, 'e.csv');
    await settle();
    const request = http.expectOne('/api/exports/evaluations.csv?from=2025-01-01');
    expect(request.request.headers.get('Authorization')).toBe('Bearer t-1');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob([JSON.stringify({ code: 'UNAUTHENTICATED', message: 'Sign in to continue.' })]), {
      status: 401,
      statusText: 'Unauthorized',
    });
    await expect(download).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Sign in to continue.' });
    expect(tokens.token()).toBeNull();
    expect(navigations).toEqual([expiredNavigation]);
  });

  it('leaves a newer session alone when an older request comes back refused', async () => {
    tokens.set('old');
    const stale = TestBed.inject(GraphqlClient).request(ME);
    const request = http.expectOne('/graphql');
    tokens.set('new');
    request.flush(UNAUTHENTICATED);
    await expect(stale).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(tokens.token()).toBe('new');
    expect(navigations).toEqual([]);
  });
});
