import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError } from './graphql.client';

/**
 * Downloads a file from an authenticated endpoint (CSV exports) through HttpClient: the auth
 * interceptor puts the token in the Authorization header, never in the URL, so it does not end
 * up in logs or browser history, and ends the session if the server no longer accepts it.
 */
@Injectable({ providedIn: 'root' })
export class FileDownloader {
  private readonly http = inject(HttpClient);

  /** GETs `path` with `params` and saves the answer as `fileName`. Rejects with the API's message. */
  async download(path: string, params: Record<string, string | undefined>, fileName: string): Promise<void> {
    const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
    let file: Blob;
    try {
      file = await firstValueFrom(this.http.get(`${path}?${query}`, { responseType: 'blob' }));
    } catch (error) {
      throw await downloadError(error);
    }
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    // Let the click start the download before the object URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** The API's `{ code, message }` when the refusal carries one, else the status. */
async function downloadError(error: unknown): Promise<ApiError> {
  if (!(error instanceof HttpErrorResponse) || error.status === 0) return new ApiError('NETWORK', 'network');
  let body: { message?: string; code?: string } | null = null;
  try {
    const text = error.error instanceof Blob ? await error.error.text() : typeof error.error === 'string' ? error.error : '';
    body = JSON.parse(text) as { message?: string; code?: string } | null;
  } catch {
    // Not JSON: the status says enough.
  }
  return new ApiError(body?.code ?? `HTTP_${error.status}`, body?.message ?? `HTTP ${error.status}`);
}
