import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { ApiError } from '../../../core/api/graphql.client';
import { TokenStore } from '../../../core/auth/token.store';

const ENDPOINT = '/api/imports/calls';

export type ImportStatusName = 'VALIDATING' | 'IMPORTING' | 'DONE' | 'FAILED';

export interface ImportLineError {
  /** The file's line number, the header being line 1; 0 for a problem with the whole file. */
  line: number;
  column: string | null;
  message: string;
}

/** The import's status object (API.md §CSV import), the same from the upload and from each poll. */
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
 * The CSV import's REST endpoints. The upload goes through XMLHttpRequest because fetch cannot
 * report upload progress; the token travels in the Authorization header, as everywhere.
 */
@Injectable({ providedIn: 'root' })
export class ImportsData {
  private readonly tokens = inject(TokenStore);
  private readonly router = inject(Router);

  upload(file: File, onProgress: (loaded: number, total: number) => void): UploadHandle {
    const xhr = new XMLHttpRequest();
    const done = new Promise<ImportReport>((resolve, reject) => {
      xhr.open('POST', ENDPOINT);
      xhr.responseType = 'text';
      this.authorize(xhr);
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
      xhr.onload = () => {
        try {
          resolve(this.read(xhr.status, xhr.responseText));
        } catch (error) {
          reject(error);
        }
      };
      xhr.onerror = () => reject(new ApiError('NETWORK', 'network'));
      xhr.onabort = () => reject(new ApiError('ABORTED', 'aborted'));
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
    return { done, abort: () => xhr.abort() };
  }

  async status(id: string): Promise<ImportReport> {
    const token = this.tokens.token();
    let response: Response;
    try {
      response = await fetch(`${ENDPOINT}/${encodeURIComponent(id)}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    } catch {
      throw new ApiError('NETWORK', 'network');
    }
    return this.read(response.status, await response.text().catch(() => ''));
  }

  private authorize(xhr: XMLHttpRequest): void {
    const token = this.tokens.token();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
  }

  /** The status object on 2xx; otherwise an ApiError with the server's code and message. */
  private read(status: number, text: string): ImportReport {
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's error page): the status code says enough.
    }
    if (status >= 200 && status < 300 && isReport(body)) return body;
    const problem = (body ?? {}) as { code?: unknown; message?: unknown };
    const code =
      typeof problem.code === 'string'
        ? problem.code
        : status === 413
          ? 'TOO_LARGE'
          : status >= 500
            ? 'SERVER'
            : `HTTP_${status}`;
    if (code === 'UNAUTHENTICATED' || status === 401) {
      this.tokens.clear();
      void this.router.navigate(['/login'], { queryParams: { reason: 'expired' } });
    }
    throw new ApiError(status === 401 ? 'UNAUTHENTICATED' : code, typeof problem.message === 'string' ? problem.message : '');
  }
}

function isReport(body: unknown): body is ImportReport {
  const report = body as Partial<ImportReport> | null;
  return !!report && typeof report.id === 'string' && typeof report.status === 'string' && Array.isArray(report.errors);
}
