/**
 * The heatmap's diverging scale for a criterion mean 0–4: red (not met) through amber (partial)
 * to green (excellent). Every stop is light enough for the dark body text on top of it to keep
 * WCAG AA contrast (≥ 4.5:1), so the number stays readable and the colour only reinforces it.
 */
const STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [248, 113, 113], // 0 — red
  [251, 146, 60], // 1 — orange
  [252, 211, 77], // 2 — amber
  [190, 242, 100], // 3 — lime
  [74, 222, 128], // 4 — green
];

/** The colour of a mean on the 0–4 scale (values outside are clamped), as `rgb(r, g, b)`. */
export function heatColor(mean: number): string {
  const x = Math.min(4, Math.max(0, mean));
  const low = Math.min(3, Math.floor(x));
  const f = x - low;
  const [a, b] = [STOPS[low]!, STOPS[low + 1]!];
  const mix = (i: number) => Math.round(a[i]! + (b[i]! - a[i]!) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** The steps shown in the legend. */
export const LEGEND_STEPS = [0, 1, 2, 3, 4] as const;
