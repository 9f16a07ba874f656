import { addLocalDays } from './weeks.js';

/**
 * When an agent's window to dispute an evaluation closes (docs/rubric.md, "Disputes"):
 * `windowDays` calendar days after submission, at the same wall-clock time in the organisation's
 * time zone — so a window that spans a daylight-saving change still ends at the hour people expect.
 */
export function disputeClosesAt(submittedAt: Date, windowDays: number, timeZone: string): Date {
  return addLocalDays(submittedAt, windowDays, timeZone);
}

/** Whether the dispute window is still open at `now` (it is open up to and including its closing instant). */
export function disputeWindowOpen(submittedAt: Date, windowDays: number, timeZone: string, now: Date): boolean {
  return now.getTime() <= disputeClosesAt(submittedAt, windowDays, timeZone).getTime();
}
