import { ApiError } from '../../../core/api/graphql.client';
import type { I18nService } from '../../../core/i18n/i18n.service';

/** Messages by form field (`email`, `name` …), from the API's `extensions.field` (`input.email`). */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * Where an API error belongs on a form: next to the field it names, else above the form. Known
 * refusals are said in the interface language; anything else keeps the API's own words.
 */
export function placeApiError(
  error: unknown,
  i18n: I18nService,
  known: Record<string, { match: RegExp; key: string }> = {},
): { fields: FieldErrors; general: string | null } {
  if (!(error instanceof ApiError) || error.code === 'NETWORK') return { fields: {}, general: i18n.t('error.network') };
  if (error.code === 'FORBIDDEN') return { fields: {}, general: i18n.t('error.forbidden') };
  const field = error.field?.replace(/^input\./, '').replace(/\[\d+\]$/, '');
  if (!field) return { fields: {}, general: error.message };
  const translation = known[field];
  const message = translation && translation.match.test(error.message) ? i18n.t(translation.key) : error.message;
  return { fields: { [field]: message }, general: null };
}
