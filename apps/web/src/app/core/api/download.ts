import { Injectable, inject } from '@angular/core';
import { TokenStore } from '../auth/token.store';
import { ApiError } from './graphql.client';

/**
 * Downloads a file from an authenticated endpoint (CSV exports): the token travels in the
 * Authorization header, never in the URL, so it does not end up in logs or browser history.
 */
@Injectable({ providedIn: 'root' })
export class FileDownloader {
  private readonly tokens = inject(TokenStore);

  /** GETs `path` with `params` and saves the answer as `fileName`. Rejects with the API's message. */
  async download(path: string, params: Record<string, string | undefined>, fileName: string): Promise<void> {
    const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
    const token = this.tokens.token();
    let response: Response;
    try {
      response = await fetch(`${path}?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch {
      throw new ApiError('NETWORK', 'network');
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { message?: string; code?: string } | null;
      throw new ApiError(body?.code ?? `HTTP_${response.status}`, body?.message ?? `HTTP ${response.status}`);
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    // Let the click start the download before the object URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
