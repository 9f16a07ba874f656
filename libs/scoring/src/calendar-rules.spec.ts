import { planDisplayStatus } from './coaching.js';
import { disputeClosesAt, disputeWindowOpen } from './dispute.js';
import { addLocalDays, isoWeekStart, localDate } from './weeks.js';

// Europe/Madrid: summer time began 2026-03-29 02:00 → 03:00 and ends 2026-10-25 03:00 → 02:00.
const MADRID = 'Europe/Madrid';

describe('calendar days in the organisation time zone, across daylight-saving changes', () => {
  it('a day is 23 hours over the spring change and 25 over the autumn one, at the same wall time', () => {
    const spring = addLocalDays(new Date('2026-03-28T09:30:00Z'), 1, MADRID); // 10:30 CET
    expect(spring.toISOString()).toBe('2026-03-29T08:30:00.000Z'); // 10:30 CEST
    const autumn = addLocalDays(new Date('2026-10-24T08:30:00Z'), 1, MADRID); // 10:30 CEST
    expect(autumn.toISOString()).toBe('2026-10-25T09:30:00.000Z'); // 10:30 CET
    expect(addLocalDays(new Date('2026-06-01T12:00:00Z'), 14, 'UTC').toISOString()).toBe('2026-06-15T12:00:00.000Z');
  });

  it('a wall time the spring change skips lands an hour later, as clocks do', () => {
    // 02:30 on 2026-03-29 does not exist in Madrid.
    const from = new Date('2026-03-28T01:30:00Z'); // 02:30 CET on the 28th
    expect(addLocalDays(from, 1, MADRID).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });
});

describe('the dispute window (DISPUTE_WINDOW_DAYS calendar days after submission)', () => {
  it('closes 14 local days later at the submission’s wall time, across the spring change', () => {
    const submitted = new Date('2026-03-20T16:00:00Z'); // 17:00 CET
    expect(disputeClosesAt(submitted, 14, MADRID).toISOString()).toBe('2026-04-03T15:00:00.000Z'); // 17:00 CEST
    expect(disputeWindowOpen(submitted, 14, MADRID, new Date('2026-04-03T14:59:59Z'))).toBe(true);
    expect(disputeWindowOpen(submitted, 14, MADRID, new Date('2026-04-03T15:00:00Z'))).toBe(true);
    expect(disputeWindowOpen(submitted, 14, MADRID, new Date('2026-04-03T15:00:01Z'))).toBe(false);
  });

  it('across the autumn change the window is an hour longer than 14 × 24 h', () => {
    const submitted = new Date('2026-10-20T08:00:00Z'); // 10:00 CEST
    const closes = disputeClosesAt(submitted, 14, MADRID);
    expect(closes.toISOString()).toBe('2026-11-03T09:00:00.000Z'); // 10:00 CET
    expect(closes.getTime() - submitted.getTime()).toBe((14 * 24 + 1) * 3600_000);
  });

  it('across a year end', () => {
    const submitted = new Date('2026-12-25T10:00:00Z');
    expect(disputeClosesAt(submitted, 14, MADRID).toISOString()).toBe('2027-01-08T10:00:00.000Z');
  });
});

describe('overdue plans: the due day is over in the organisation time zone', () => {
  it('is overdue from local midnight after the due day, not UTC midnight', () => {
    // 2026-10-25 is the autumn change; midnight after it in Madrid is 2026-10-25T23:00Z.
    expect(planDisplayStatus('ACTIVE', '2026-10-25', new Date('2026-10-25T22:59:59Z'), MADRID)).toBe('ACTIVE');
    expect(planDisplayStatus('ACTIVE', '2026-10-25', new Date('2026-10-25T23:00:00Z'), MADRID)).toBe('OVERDUE');
    // Spring: midnight after 2026-03-29 in Madrid (CEST) is 2026-03-29T22:00Z.
    expect(planDisplayStatus('ACTIVE', '2026-03-29', new Date('2026-03-29T21:59:59Z'), MADRID)).toBe('ACTIVE');
    expect(planDisplayStatus('ACTIVE', '2026-03-29', new Date('2026-03-29T22:00:00Z'), MADRID)).toBe('OVERDUE');
    // In UTC the same instants are still the due day.
    expect(planDisplayStatus('ACTIVE', '2026-03-29', new Date('2026-03-29T22:00:00Z'), 'UTC')).toBe('ACTIVE');
  });

  it('across a year end, and closed plans keep their status', () => {
    expect(planDisplayStatus('ACTIVE', '2026-12-31', new Date('2026-12-31T22:59:59Z'), MADRID)).toBe('ACTIVE');
    expect(planDisplayStatus('ACTIVE', '2026-12-31', new Date('2026-12-31T23:00:00Z'), MADRID)).toBe('OVERDUE');
    expect(planDisplayStatus('COMPLETED', '2026-12-31', new Date('2027-02-01T00:00:00Z'), MADRID)).toBe('COMPLETED');
  });
});

describe('week boundaries (ISO weeks, Monday 00:00 organisation time)', () => {
  it('around the daylight-saving changes', () => {
    // Monday 2026-03-30 00:00 CEST = 2026-03-29T22:00Z.
    expect(isoWeekStart(new Date('2026-03-29T21:59:59Z'), MADRID)).toBe('2026-03-23');
    expect(isoWeekStart(new Date('2026-03-29T22:00:00Z'), MADRID)).toBe('2026-03-30');
    // Monday 2026-10-26 00:00 CET = 2026-10-25T23:00Z.
    expect(isoWeekStart(new Date('2026-10-25T22:59:59Z'), MADRID)).toBe('2026-10-19');
    expect(isoWeekStart(new Date('2026-10-25T23:00:00Z'), MADRID)).toBe('2026-10-26');
  });

  it('across a year end: ISO week 53 of 2026 runs to Sunday 2027-01-03, week 1 of 2027 starts Monday 2027-01-04', () => {
    expect(isoWeekStart(new Date('2026-12-31T12:00:00Z'), MADRID)).toBe('2026-12-28');
    expect(isoWeekStart(new Date('2027-01-03T22:59:59Z'), MADRID)).toBe('2026-12-28');
    expect(isoWeekStart(new Date('2027-01-03T23:00:00Z'), MADRID)).toBe('2027-01-04');
    expect(localDate(new Date('2026-12-31T23:30:00Z'), MADRID)).toBe('2027-01-01');
  });
});
