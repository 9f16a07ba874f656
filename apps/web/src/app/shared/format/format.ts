/** Number formats of the agent and coaching screens that the core service does not offer. */

/** A share (0–1) as a percentage with one decimal in the locale ("12,5 %" / "12.5%"). */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** A change with its sign ("+1,2", "−0,4", "0,0"), one decimal. */
export function formatSigned(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    value,
  );
}

/** A week's Monday (`yyyy-mm-dd`) as a short axis label ("3 mar" / "3 Mar"). */
export function formatWeek(weekStart: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${weekStart}T00:00:00Z`),
  );
}
