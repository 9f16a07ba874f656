import { roundHalfAwayFromZero } from '@decalogo/scoring';
import type { I18nService } from '../../core/i18n/i18n.service';
import { trendDirection } from './team-rows';
import type { TrendDirection } from './team-rows';

/** Shown wherever a figure is undefined (too few evaluations, nothing requested). */
export const MISSING = '—';

/** A score or a mean with one decimal, halves away from zero (docs/rubric.md#rounding-for-display), in the locale. */
export function formatScore(i18n: I18nService, value: number | null, digits = 1): string {
  return value === null ? MISSING : i18n.formatNumber(roundHalfAwayFromZero(value, digits), digits);
}

/** A share 0–1 as a whole percent. */
export function formatPercent(i18n: I18nService, rate: number | null): string {
  return rate === null ? MISSING : i18n.t('team.percent', { value: i18n.formatNumber(roundHalfAwayFromZero(rate * 100, 0)) });
}

export interface TrendView {
  direction: TrendDirection;
  arrow: string;
  /** Signed points per week, e.g. "+0,8" (the unit is in the heading). */
  text: string;
  /** For screen readers: the direction in words and the size. */
  label: string;
}

const ARROWS: Record<TrendDirection, string> = { up: '↑', down: '↓', flat: '→' };

/** A trend in points per week as an arrow, a signed value and a spoken label; null when undefined. */
export function trendView(i18n: I18nService, trend: number | null): TrendView | null {
  if (trend === null) return null;
  const rounded = roundHalfAwayFromZero(trend, 1);
  const direction = trendDirection(trend);
  const size = i18n.formatNumber(Math.abs(rounded), 1);
  const signed = `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${size}`;
  return {
    direction,
    arrow: ARROWS[direction],
    text: signed,
    label: i18n.t(`team.trend.${direction}`, { value: direction === 'flat' ? signed : size }),
  };
}
