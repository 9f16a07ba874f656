import { Pipe, inject } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import { I18nService } from './i18n.service';
import type { TextKey } from './i18n.service';

/**
 * `{{ 'nav.rubric' | t }}`. Impure on purpose: it reads the language signal, so templates
 * re-render their texts when the language changes.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: TextKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }
}
