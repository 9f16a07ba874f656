import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { en } from './en';
import { es } from './es';
import type { TranslationKey } from './es';
import type { FeatureTexts } from './texts';

export { defineTexts } from './texts';
export type { FeatureTexts } from './texts';

export type Lang = 'es' | 'en';
/** A core key (checked) or a key of a registered feature's texts. */
export type TextKey = TranslationKey | (string & Record<never, never>);

const STORAGE_KEY = 'decalogo.lang';

/** The interface language: Spanish first, the choice remembered in this browser. */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  readonly lang = signal<Lang>(readStoredLang());
  /** The language as the API's `Lang` enum. */
  readonly gqlLang = computed<'ES' | 'EN'>(() => (this.lang() === 'en' ? 'EN' : 'ES'));
  /** The locale for dates and numbers. */
  readonly locale = computed(() => (this.lang() === 'en' ? 'en-GB' : 'es-ES'));
  /** The core texts plus those of every feature loaded so far. */
  private readonly dictionaries: Record<Lang, Record<string, string>> = { es: { ...es }, en: { ...en } };

  constructor() {
    effect(() => {
      const lang = this.lang();
      this.document.documentElement.lang = lang;
      try {
        localStorage.setItem(STORAGE_KEY, lang);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    });
  }

  setLang(lang: Lang): void {
    this.lang.set(lang);
  }

  /**
   * Adds a lazy feature's texts (call it from the feature's components; adding twice is harmless).
   * Features load before their templates render, so no text is ever looked up before it is added.
   */
  register(texts: FeatureTexts): void {
    Object.assign(this.dictionaries.es, texts.es);
    Object.assign(this.dictionaries.en, texts.en);
  }

  /** The text of a key in the current language, with `{name}` placeholders filled in. */
  t(key: TextKey, params: Record<string, string | number> = {}): string {
    const text = this.dictionaries[this.lang()][key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  }

  formatDate(value: string | Date): string {
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'long' }).format(new Date(value));
  }

  formatDateTime(value: string | Date): string {
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }

  formatNumber(value: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(this.locale(), {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }).format(value);
  }
}

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es';
  } catch {
    return 'es';
  }
}
