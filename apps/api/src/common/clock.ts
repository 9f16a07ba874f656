import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for every rule that depends on it — dispute windows, overdue plans,
 * coaching results, default periods, timestamps written by the API — so that tests can run those
 * rules at any date (a DST change, a year end) without waiting for one. In production it is the
 * system clock; `travelTo` exists for tests and is reachable from no API.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Makes `now()` read `at` from this moment on, and go on running from there. */
  travelTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  /** Back to the system clock. */
  reset(): void {
    this.offsetMs = 0;
  }
}
