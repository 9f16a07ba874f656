import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18nService } from '../core/i18n/i18n.service';
import type { Lang } from '../core/i18n/i18n.service';
import { TranslatePipe } from '../core/i18n/translate.pipe';

@Component({
  selector: 'dc-language-switch',
  imports: [TranslatePipe],
  template: `
    <div class="switch" role="group" [attr.aria-label]="'lang.switch' | t">
      @for (option of options; track option.lang) {
        <button
          type="button"
          [attr.data-testid]="'lang-' + option.lang"
          [attr.aria-pressed]="i18n.lang() === option.lang"
          [attr.lang]="option.lang"
          (click)="i18n.setLang(option.lang)"
        >
          {{ option.label }}
        </button>
      }
    </div>
  `,
  styles: `
    .switch {
      display: inline-flex;
      border: 1px solid var(--border);
      border-radius: 999px;
      overflow: hidden;
    }
    button {
      border: 0;
      background: transparent;
      padding: 0.3rem 0.75rem;
      font: inherit;
      font-size: 0.85rem;
      cursor: pointer;
      color: var(--text);
    }
    button[aria-pressed='true'] {
      background: var(--primary);
      color: #fff;
    }
    button:focus-visible {
      outline: 3px solid var(--focus);
      outline-offset: -3px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitchComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly options: ReadonlyArray<{ lang: Lang; label: string }> = [
    { lang: 'es', label: 'ES' },
    { lang: 'en', label: 'EN' },
  ];
}
