/**
 * The weekly chart's axis and series. Pure functions (no Angular) so they can be tested on their
 * own: every ISO week of the window gets a category — weeks without evaluations too, so the chart's
 * time scale is honest — and the plan's goal is drawn only over the weeks of the plan's period.
 */

const DAY_MS = 86_400_000;

/** `yyyy-mm-dd` of a UTC instant. */
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The Monday (`yyyy-mm-dd`) of the ISO week that holds this calendar day. */
export function mondayOf(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return isoDay(ms - sinceMonday * DAY_MS);
}

/**
 * The Mondays of every week that meets the window `[from, to)`, plus any week the API reported
 * (its weeks are in the organisation's time zone, so one may sit just outside), oldest first.
 */
export function weekAxis(from: string, to: string, reported: readonly string[] = []): string[] {
  const weeks = new Set(reported);
  const end = Date.parse(to);
  let monday = Date.parse(`${mondayOf(isoDay(Date.parse(from)))}T00:00:00Z`);
  // Bounded by the API's largest window (three years), so a bad input cannot loop for long.
  for (let i = 0; monday < end && i < 160; i += 1, monday += 7 * DAY_MS) weeks.add(isoDay(monday));
  return [...weeks].sort();
}

/** The value of each week on the axis (null where the week has none). */
export function valuesByWeek(
  axis: readonly string[],
  weeks: ReadonlyArray<{ weekStart: string; value: number }>,
): Array<number | null> {
  const byWeek = new Map(weeks.map((w) => [w.weekStart, w.value]));
  return axis.map((week) => byWeek.get(week) ?? null);
}

/** The goal on every week that overlaps the plan's period `[startDate, dueDate]`, null elsewhere. */
export function planBand(
  axis: readonly string[],
  plan: { startDate: string; dueDate: string; targetFocusScore: number },
): Array<number | null> {
  return axis.map((week) => {
    const sunday = isoDay(Date.parse(`${week}T00:00:00Z`) + 6 * DAY_MS);
    return week <= plan.dueDate && sunday >= plan.startDate ? plan.targetFocusScore : null;
  });
}

/** Which way a weekly trend points, once shown with one decimal (so "0.0" is never an arrow up). */
export function trendDirection(trend: number): 'up' | 'down' | 'flat' {
  if (Math.abs(trend) < 0.05) return 'flat';
  return trend > 0 ? 'up' : 'down';
}
