import { HttpClient, HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Subscription } from 'rxjs';
import { ApiError } from '../../../core/api/graphql.client';

const ENDPOINT = '/api/imports/calls';

export type ImportStatusName = 'VALIDATING' | 'IMPORTING' | 'DONE' | 'FAILED';

export interface ImportLineError {
  /** The file's line number, the header being line 1; 0 for a problem with the whole file. */
  line: number;
  column: string | null;
  message: string;
}

/** The import's status object (docs/csv.md#progress-and-polling), the same from the upload and from each poll. */
export interface ImportReport {
  id: string;
  status: ImportStatusName;
  total: number;
  processed: number;
  imported: number;
  /** Every error found; `errors` lists the first ones only. */
  errorCount: number;
  errors: ImportLineError[];
}

export interface UploadHandle {
  /** The server's first answer: finished for small files, else still running (poll it). */
  done: Promise<ImportReport>;
  abort(): void;
}

/**
 * The CSV import's REST endpoints, through HttpClient: the auth interceptor adds the token (and
 * ends an expired session); the upload asks for progress events to draw the bar.
 */
@Injectable({ providedIn: 'root' })
export class ImportsData {
  private readonly http = inject(HttpClient);

  upload(file: File, onProgress: (loaded: number, total: number) => void): UploadHandle {
    const form = new FormData();
    form.append('file', file, file.name);
    let subscription: Subscription | undefined;
    let aborted: () => void = () => undefined;
    const done = new Promise<ImportReport>((resolve, reject) => {
      aborted = () => reject(new ApiError('ABORTED', 'aborted'));
      subscription = this.http.post(ENDPOINT, form, { observe: 'events', reportProgress: true, responseType: 'text' }).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            onProgress(event.loaded, event.total ?? file.size);
          } else if (event.type === HttpEventType.Response) {
            try {
              resolve(toReport(event.status, event.body ?? ''));
            } catch (error) {
              reject(error);
            }
          }
        },
        error: (error: unknown) => reject(failure(error)),
      });
    });
    return {
      done,
      abort: () => {
        subscription?.unsubscribe();
        aborted();
      },
    };
  }

  async status(id: string): Promise<ImportReport> {
    let response;
    try {
      response = await firstValueFrom(
        this.http.get(`${ENDPOINT}/${encodeURIComponent(id)}`, { observe: 'response', responseType: 'text' }),
      );
    } catch (error) {
      throw failure(error);
    }
    return toReport(response.status, response.body ?? '');
  }
}

/** The status object on 2xx; otherwise an ApiError with the server's code and message. */
function toReport(status: number, text: string): ImportReport {
  const body = parse(text);
  if (status >= 200 && status < 300 && isReport(body)) return body;
  throw problem(status, body);
}

/** A refused or failed request: no answer at all is NETWORK, else what the answer says. */
function failure(error: unknown): ApiError {
  if (!(error instanceof HttpErrorResponse) || error.status === 0) return new ApiError('NETWORK', 'network');
  return problem(error.status, parse(typeof error.error === 'string' ? error.error : ''));
}

function problem(status: number, body: unknown): ApiError {
  const answer = (body ?? {}) as { code?: unknown; message?: unknown };
  const code =
    status === 401
      ? 'UNAUTHENTICATED'
      : typeof answer.code === 'string'
        ? answer.code
        : status === 413
          ? 'TOO_LARGE'
          : status >= 500
            ? 'SERVER'
            : `HTTP_${status}`;
  return new ApiError(code, typeof answer.message === 'string' ? answer.message : '');
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): the status code says enough.
    return null;
  }
}

function isReport(body: unknown): body is ImportReport {
  const report = body as Partial<ImportReport> | null;
  return !!report && typeof report.id === 'string' && typeof report.status === 'string' && Array.isArray(report.errors);
}
