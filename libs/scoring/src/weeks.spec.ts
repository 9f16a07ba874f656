import { isoWeekStart, localDate, localDayStart } from './weeks.js';

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

describe('the instant a local day begins', () => {
  it('is UTC midnight in UTC', () => {
    expect(localDayStart('2026-11-23', 'UTC').toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('follows the zone offset, and its daylight-saving changes', () => {
    expect(localDayStart('2026-01-12', 'Europe/Madrid').toISOString()).toBe('2026-01-11T23:00:00.000Z'); // CET
    expect(localDayStart('2026-07-13', 'Europe/Madrid').toISOString()).toBe('2026-07-12T22:00:00.000Z'); // CEST
    // The Monday after the autumn change (2026-10-25) begins at 23:00Z of the Sunday.
    expect(localDayStart('2026-10-26', 'Europe/Madrid').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(localDayStart('2026-03-30', 'America/Mexico_City').toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });

  it('refuses a malformed day', () => {
    expect(() => localDayStart('2026-1-2', 'UTC')).toThrow(RangeError);
  });
});
