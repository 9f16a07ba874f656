import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LOGIN } from '../auth/session.service';
import { FileDownloader } from './download';
import { GraphqlClient } from './graphql.client';
import { configureHttpTesting, settle } from '../../../testing/http-testing';
import type { Navigation } from '../../../testing/http-testing';

describe('GraphqlClient and FileDownloader over HttpClient', () => {
  let http: HttpTestingController;
  let navigations: Navigation[];

  beforeEach(() => ({ http, navigations } = configureHttpTesting('t-1')));

  afterEach(() => http.verify());

  it('posts the document and its variables as JSON', async () => {
    const result = TestBed.inject(GraphqlClient).request(LOGIN, { email: 'ana@demo.test', password: 'secret' });
    const request = http.expectOne('/graphql');
    expect(request.request.body).toEqual({ query: LOGIN, variables: { email: 'ana@demo.test', password: 'secret' } });
    const user = { id: 'u1', email: 'ana@demo.test', name: 'Ana', roles: ['ADMIN'], locale: 'es' };
    request.flush({ data: { login: { accessToken: 't-2', user } } });
    expect((await result).login.accessToken).toBe('t-2');
  });

  it('surfaces a GraphQL error with its code, message and field, without signing out', async () => {
    const result = TestBed.inject(GraphqlClient).request(LOGIN, { email: 'a', password: 'b' });
    http.expectOne('/graphql').flush({
      data: null,
      errors: [{ message: 'Changed meanwhile.', extensions: { code: 'CONFLICT', field: 'version' } }],
    });
    await expect(result).rejects.toMatchObject({ code: 'CONFLICT', message: 'Changed meanwhile.', field: 'version' });
    expect(navigations).toEqual([]);
  });

  it('reads GraphQL errors sent with a 4xx status, and tells a network failure from a server page', async () => {
    const api = TestBed.inject(GraphqlClient);
    const invalid = api.request(LOGIN, { email: 'a', password: 'b' });
    http
      .expectOne('/graphql')
      .flush(
        { errors: [{ message: 'Bad query.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await expect(invalid).rejects.toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', message: 'Bad query.' });

    const offline = api.request(LOGIN, { email: 'a', password: 'b' });
    http.expectOne('/graphql').error(new ProgressEvent('error'));
    await expect(offline).rejects.toMatchObject({ code: 'NETWORK' });

    const gateway = api.request(LOGIN, { email: 'a', password: 'b' });
    http.expectOne('/graphql').flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    await expect(gateway).rejects.toMatchObject({ code: 'NETWORK', message: 'HTTP 502' });

    const empty = api.request(LOGIN, { email: 'a', password: 'b' });
    http.expectOne('/graphql').flush({ data: null });
    await expect(empty).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: 'HTTP 200' });
  });

  it('saves a download under the file name asked for, leaving out empty parameters', async () => {
    const created: Blob[] = [];
    const clicked: Array<{ href: string; download: string }> = [];
    const { createObjectURL, revokeObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => (created.push(blob), 'blob:file');
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    };
    try {
      const done = TestBed.inject(FileDownloader).download(
        '/api/exports/evaluations.csv',
        { team: 't1', agent: undefined },
        'evaluaciones.csv',
      );
      await settle();
      const request = http.expectOne('/api/exports/evaluations.csv?team=t1');
      expect(request.request.headers.get('Authorization')).toBe('Bearer t-1');
      request.flush(new Blob(['a,b\n']));
      await done;
      expect(created).toHaveLength(1);
      expect(clicked).toEqual([{ href: 'blob:file', download: 'evaluaciones.csv' }]);
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('rejects a refused download with the API’s code and message', async () => {
    const done = TestBed.inject(FileDownloader).download('/api/exports/evaluations.csv', {}, 'e.csv');
    await settle();
    http
      .expectOne('/api/exports/evaluations.csv?')
      .flush(new Blob([JSON.stringify({ code: 'FORBIDDEN', message: 'Not yours.' })]), { status: 403, statusText: 'Forbidden' });
    await expect(done).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Not yours.' });
    expect(navigations).toEqual([]);
  });
});
