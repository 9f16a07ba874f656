import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { ApiError } from '../../core/api/graphql.client';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TranslationKey } from '../../core/i18n/es';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { RubricData } from './rubric.data';
import type { ActiveRubric } from './rubric.data';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; rubric: ActiveRubric };

const SCALE: ReadonlyArray<{ value: string; key: TranslationKey }> = [
  { value: '4', key: 'scale.4' },
  { value: '3', key: 'scale.3' },
  { value: '2', key: 'scale.2' },
  { value: '1', key: 'scale.1' },
  { value: '0', key: 'scale.0' },
  { value: 'N/A', key: 'scale.na' },
];

/** The active rubric's rules, weights and what to listen for, in the chosen language. */
@Component({
  selector: 'dc-rubric-page',
  imports: [TranslatePipe, LoadStateComponent],
  templateUrl: './rubric-page.component.html',
  styleUrl: './rubric-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RubricPageComponent {
  private readonly data = inject(RubricData);
  protected readonly i18n = inject(I18nService);
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly scale = SCALE;
  protected readonly published = computed(() => {
    const state = this.state();
    return state.kind === 'ready' && state.rubric.publishedAt ? this.i18n.formatDate(state.rubric.publishedAt) : null;
  });
  private requestSeq = 0;

  constructor() {
    // Reload whenever the language changes: the API answers the texts in the language asked for.
    // Only the language is tracked: load() reads and writes the state signal.
    effect(() => {
      const lang = this.i18n.gqlLang();
      untracked(() => void this.load(lang));
    });
  }

  protected retry(): void {
    void this.load(this.i18n.gqlLang());
  }

  private async load(lang: 'ES' | 'EN'): Promise<void> {
    const seq = ++this.requestSeq;
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      const rubric = await this.data.activeRubric(lang);
      if (seq === this.requestSeq) this.state.set({ kind: 'ready', rubric });
    } catch (error) {
      if (seq !== this.requestSeq) return;
      const message =
        error instanceof ApiError && error.code === 'NETWORK'
          ? this.i18n.t('error.network')
          : error instanceof ApiError && error.code === 'FORBIDDEN'
            ? this.i18n.t('error.forbidden')
            : this.i18n.t('rubric.loadError');
      this.state.set({ kind: 'error', message });
    }
  }
}
