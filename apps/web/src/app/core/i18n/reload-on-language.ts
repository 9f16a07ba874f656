import { effect, untracked } from '@angular/core';
import type { EffectRef } from '@angular/core';
import type { I18nService } from './i18n.service';

/**
 * Runs `load` now and again whenever `key` or the reader's language changes (the server answers
 * rule titles and other texts in that language). `load` runs untracked, so the signals it reads
 * do not start it again. Call it where `effect` may be called: a constructor.
 */
export function reloadOnLanguage<K>(
  i18n: I18nService,
  key: () => K,
  load: (key: K, lang: 'ES' | 'EN') => Promise<void>,
): EffectRef {
  return effect(() => {
    const value = key();
    const lang = i18n.gqlLang();
    untracked(() => void load(value, lang));
  });
}
