/** A window of call time `[from, to)` as the API's progress queries take it. */
export interface TimeRange {
  preset: TimeRangePreset;
  /** ISO date-time, inclusive. */
  from: string;
  /** ISO date-time, exclusive. */
  to: string;
}

export const TIME_RANGE_PRESETS = ['4w', '12w', '26w', '52w', 'custom'] as const;
export type TimeRangePreset = (typeof TIME_RANGE_PRESETS)[number];

const WEEKS: Record<Exclude<TimeRangePreset, 'custom'>, number> = { '4w': 4, '12w': 12, '26w': 26, '52w': 52 };
const DAY_MS = 86_400_000;

/** The last N weeks up to the end of today (so today's calls count). */
export function presetRange(preset: Exclude<TimeRangePreset, 'custom'>, now = new Date()): TimeRange {
  const to = new Date(now);
  to.setHours(24, 0, 0, 0);
  const from = new Date(to.getTime() - WEEKS[preset] * 7 * DAY_MS);
  return { preset, from: from.toISOString(), to: to.toISOString() };
}

/**
 * A custom range from two `yyyy-mm-dd` dates (both days included); null when either is missing
 * or the end is before the start.
 */
export function customRange(fromDay: string, toDay: string): TimeRange | null {
  const from = new Date(`${fromDay}T00:00:00`);
  const to = new Date(`${toDay}T00:00:00`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to < from) return null;
  return { preset: 'custom', from: from.toISOString(), to: new Date(to.getTime() + DAY_MS).toISOString() };
}

/** `yyyy-mm-dd` of a date in local time, for `<input type="date">`. */
export function toDayInput(value: string | Date): string {
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
