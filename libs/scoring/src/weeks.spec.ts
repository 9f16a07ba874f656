import { isoWeekStart, localDate } from './weeks.js';

describe('ISO weeks in the organisation time zone', () => {
  it('starts weeks on Monday', () => {
    expect(isoWeekStart(new Date('2026-11-23T10:00:00Z'), 'UTC')).toBe('2026-11-23'); // a Monday
    expect(isoWeekStart(new Date('2026-11-29T23:59:59Z'), 'UTC')).toBe('2026-11-23'); // its Sunday
    expect(isoWeekStart(new Date('2026-11-30T00:00:00Z'), 'UTC')).toBe('2026-11-30');
  });

  it('a Sunday 23:30 UTC is already Monday in Madrid', () => {
    const at = new Date('2026-11-29T23:30:00Z');
    expect(isoWeekStart(at, 'UTC')).toBe('2026-11-23');
    expect(isoWeekStart(at, 'Europe/Madrid')).toBe('2026-11-30');
  });

  it('a Monday 03:00 UTC is still Sunday in Lima', () => {
    const at = new Date('2026-11-30T03:00:00Z');
    expect(localDate(at, 'America/Lima')).toBe('2026-11-29');
    expect(isoWeekStart(at, 'America/Lima')).toBe('2026-11-23');
  });

  it('follows daylight saving time (Madrid is UTC+2 in summer)', () => {
    // Monday 30 March 2026, 00:30 in Madrid (the day after the clocks went forward) = Sunday 22:30 UTC.
    expect(isoWeekStart(new Date('2026-03-29T22:30:00Z'), 'Europe/Madrid')).toBe('2026-03-30');
    expect(isoWeekStart(new Date('2026-03-29T21:30:00Z'), 'Europe/Madrid')).toBe('2026-03-23');
  });

  it('refuses an unknown time zone', () => {
    expect(() => isoWeekStart(new Date('2026-11-29T23:30:00Z'), 'Mars/Olympus')).toThrow(RangeError);
  });

  it('crosses years', () => {
    expect(isoWeekStart(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-12-28');
  });
});
