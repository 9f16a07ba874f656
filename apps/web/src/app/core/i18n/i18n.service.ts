import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { en } from './en';
import { es } from './es';
import type { TranslationKey } from './es';

export type Lang = 'es' | 'en';

const STORAGE_KEY = 'decalogo.lang';
const DICTIONARIES: Record<Lang, Record<TranslationKey, string>> = { es, en };

/** The interface language: Spanish first, the choice remembered in this browser. */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  readonly lang = signal<Lang>(readStoredLang());
  /** The language as the API's `Lang` enum. */
  readonly gqlLang = computed<'ES' | 'EN'>(() => (this.lang() === 'en' ? 'EN' : 'ES'));
  /** The locale for dates and numbers. */
  readonly locale = computed(() => (this.lang() === 'en' ? 'en-GB' : 'es-ES'));

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

  /** The text of a key in the current language, with `{name}` placeholders filled in. */
  t(key: TranslationKey, params: Record<string, string | number> = {}): string {
    const text = DICTIONARIES[this.lang()][key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  }

  formatDate(value: string | Date): string {
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'long' }).format(new Date(value));
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
