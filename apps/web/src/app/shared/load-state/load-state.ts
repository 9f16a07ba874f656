import { ApiError } from '../../core/api/graphql.client';
import type { I18nService, TextKey } from '../../core/i18n/i18n.service';

/** What a screen shows while its data loads: a spinner line, the error with Retry, or the data. */
export type LoadState<Ready extends object> =
  { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'ready' } & Ready);

/**
 * The message to show for a failed request: the network or permission message every screen
 * shares, otherwise the screen's own `fallback` text.
 */
export function apiErrorMessage(i18n: I18nService, error: unknown, fallback: TextKey): string {
  if (error instanceof ApiError && error.code === 'NETWORK') return i18n.t('error.network');
  if (error instanceof ApiError && error.code === 'FORBIDDEN') return i18n.t('error.forbidden');
  return i18n.t(fallback);
}
