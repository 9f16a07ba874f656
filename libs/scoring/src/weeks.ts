const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per time zone: creating an Intl.DateTimeFormat is the slow part. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar date (YYYY-MM-DD) of an instant in an IANA time zone: a call at 23:30 UTC on a
 * Sunday already happened on Monday in Madrid. Read from Intl.DateTimeFormat, so daylight-saving
 * rules come from the platform's time-zone database.
 * @throws RangeError for an unknown time zone or an invalid date.
 */
export function localDate(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/**
 * The Monday that starts the ISO week of an instant, as YYYY-MM-DD, in the organisation's time
 * zone (docs/rubric.md#weekly-series: ISO weeks, Monday 00:00, in `ORG_TIME_ZONE`). The local
 * calendar date is found first, then stepped back to its Monday with plain date arithmetic.
 * @throws RangeError for an unknown time zone or an invalid date.
 */
export function isoWeekStart(at: Date, timeZone: string): string {
  const [y, m, d] = localDate(at, timeZone).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - daysSinceMonday);
  return date.toISOString().slice(0, 10);
}

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far local wall time in `timeZone` is ahead of UTC at `at`, in milliseconds. */
function zoneOffsetMs(at: number, timeZone: string): number {
  let f = instantFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    instantFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant `days` calendar days after `at` at the same wall-clock time in `timeZone`: across a
 * daylight-saving change a "day" is 23 or 25 hours, as people count it. A wall time that does not
 * exist on the target day (skipped by a spring-forward) lands an hour later, as clocks do.
 * @throws RangeError for an unknown time zone or an invalid date.
 */
export function addLocalDays(at: Date, days: number, timeZone: string): Date {
  const wall = at.getTime() + zoneOffsetMs(at.getTime(), timeZone) + days * 86_400_000;
  // Solve instant + offset(instant) = wall: start from the offset at `at`, settle it twice (the
  // offset can change once between the two, at a daylight-saving change).
  let instant = wall - zoneOffsetMs(at.getTime(), timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in `timeZone`: local midnight, which across a
 * daylight-saving change is not a whole number of hours from UTC midnight. A sampling week runs
 * from its Monday's local midnight to the next Monday's (docs/rubric.md#sampling).
 * @throws RangeError for an unknown time zone or a malformed day.
 */
export function localDayStart(day: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`"${day}" is not a YYYY-MM-DD day`);
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}
