/** One series of a chart: a translated label, one value per category (null = no data), a colour. */
export interface ChartSeries {
  label: string;
  data: ReadonlyArray<number | null>;
  color: string;
}

/** A horizontal reference drawn across a chart (e.g. a goal), labelled. */
export interface ChartReference {
  value: number;
  label: string;
  color: string;
}

/** `rgba()` of a `#rrggbb` colour, for fills that let the grid show through. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Animations off for people who asked their system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The options every chart here starts from: numbers in the reader's locale, sized by its frame
 * (not a fixed aspect ratio), animated unless less motion was asked for, and a tooltip for the
 * whole category under the pointer rather than the one bar or point hit.
 */
export function baseChartOptions(locale: string) {
  return {
    locale,
    responsive: true,
    maintainAspectRatio: false,
    animation: prefersReducedMotion() ? (false as const) : { duration: 300 },
    interaction: { mode: 'index' as const, intersect: false },
  };
}
