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
 * zone (RUBRIC.md §4: the weekly series uses ISO weeks, Monday 00:00, in `ORG_TIME_ZONE`). The local
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
