import { Injectable, signal } from '@angular/core';

const KEY = 'decalogo.token';

/** The access token, kept for this browser tab only (sessionStorage), never across tabs. */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  readonly token = signal<string | null>(read());

  set(token: string): void {
    this.token.set(token);
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // Storage unavailable: the session lasts for this page only.
    }
  }

  clear(): void {
    this.token.set(null);
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing stored
    }
  }
}

function read(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}
