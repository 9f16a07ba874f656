import { HttpEventType } from '@angular/common/http';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TokenStore } from '../../../core/auth/token.store';
import { ImportsData } from './imports.data';
import type { ImportReport } from './imports.data';
import { configureHttpTesting, settle } from '../../../../testing/http-testing';
import type { Navigation } from '../../../../testing/http-testing';

const REPORT: ImportReport = { id: 'imp-1', status: 'DONE', total: 2, processed: 2, imported: 2, errorCount: 0, errors: [] };

describe('ImportsData over HttpClient', () => {
  let http: HttpTestingController;
  let navigations: Navigation[];

  beforeEach(() => ({ http, navigations } = configureHttpTesting('t-1')));

  afterEach(() => http.verify());

  it('uploads the CSV with progress events and resolves with the server’s report', async () => {
    const file = new File(['external_id\n1\n'], 'calls.csv', { type: 'text/csv' });
    const progress: Array<[number, number]> = [];
    const handle = TestBed.inject(ImportsData).upload(file, (loaded, total) => progress.push([loaded, total]));
    const request = http.expectOne('/api/imports/calls');
    expect(request.request.method).toBe('POST');
    expect(request.request.reportProgress).toBe(true);
    expect(request.request.headers.get('Authorization')).toBe('Bearer t-1');
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    request.event({ type: HttpEventType.UploadProgress, loaded: 5, total: 14 });
    // No length from the browser: the file's size stands in.
    request.event({ type: HttpEventType.UploadProgress, loaded: 14 });
    request.flush(JSON.stringify(REPORT), { status: 202, statusText: 'Accepted' });
    await expect(handle.done).resolves.toEqual(REPORT);
    expect(progress).toEqual([
      [5, 14],
      [14, file.size],
    ]);
  });

  it('refuses an upload with the server’s code or the status, and rejects as ABORTED when abandoned', async () => {
    const file = new File(['x'], 'calls.csv');
    const imports = TestBed.inject(ImportsData);
    const tooLarge = imports.upload(file, () => undefined);
    http.expectOne('/api/imports/calls').flush('<html>too large</html>', { status: 413, statusText: 'Payload Too Large' });
    await expect(tooLarge.done).rejects.toMatchObject({ code: 'TOO_LARGE' });

    const forbidden = imports.upload(file, () => undefined);
    http
      .expectOne('/api/imports/calls')
      .flush(JSON.stringify({ code: 'FORBIDDEN', message: 'Admins only.' }), { status: 403, statusText: 'Forbidden' });
    await expect(forbidden.done).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Admins only.' });

    const abandoned = imports.upload(file, () => undefined);
    const request = http.expectOne('/api/imports/calls');
    abandoned.abort();
    expect(request.cancelled).toBe(true);
    await expect(abandoned.done).rejects.toMatchObject({ code: 'ABORTED' });
    expect(navigations).toEqual([]);
  });

  it('polls the status, and signs out once when the poll gets 401', async () => {
    const imports = TestBed.inject(ImportsData);
    const running = imports.status('imp-1');
    await settle();
    http.expectOne('/api/imports/calls/imp-1').flush(JSON.stringify(REPORT));
    await expect(running).resolves.toEqual(REPORT);

    const expired = imports.status('imp-1');
    await settle();
    const request = http.expectOne('/api/imports/calls/imp-1');
    expect(request.request.headers.get('Authorization')).toBe('Bearer t-1');
    request.flush(JSON.stringify({ code: 'UNAUTHENTICATED', message: 'Sign in to continue.' }), {
      status: 401,
      statusText: 'Unauthorized',
    });
    await expect(expired).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(TestBed.inject(TokenStore).token()).toBeNull();
    expect(navigations).toEqual([{ commands: ['/login'], extras: { queryParams: { reason: 'expired' } } }]);
  });
});
