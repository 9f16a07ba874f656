import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChildren } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApiError } from '../../core/api/graphql.client';
import type { TranslationKey } from '../../core/i18n/es';
import { I18nService } from '../../core/i18n/i18n.service';
import { reloadOnLanguage } from '../../core/i18n/reload-on-language';
import { formatOffset } from '../../core/i18n/time';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { HoldsUnsavedChanges } from '../../core/navigation/unsaved-changes.guard';
import type { Resolution } from '../../graphql-types';
import {
  EMPTY_ANSWER,
  commentRequired,
  fromSavedAnswers,
  liveScore,
  missingForSubmit,
  onCriterionCardKey,
  parseSeconds,
  toAnswerInputs,
} from '../../shared/scoring-form/scoring-form';
import type { AnswerState } from '../../shared/scoring-form/scoring-form';
import { ScoringData } from './scoring.data';
import type { Workspace } from './scoring.data';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import type { LoadState } from '../../shared/load-state/load-state';
import { AnswerScaleComponent } from '../../shared/scoring-form/answer-scale.component';
import { TranscriptComponent } from '../../shared/transcript/transcript.component';

type State = LoadState<{ evaluation: Workspace }> | { kind: 'missing' };

const AUTOSAVE_MS = 700;
const RESOLUTIONS: ReadonlyArray<{ value: Resolution; label: TranslationKey }> = [
  { value: 'RESOLVED', label: 'score.resolution.RESOLVED' },
  { value: 'PARTIAL', label: 'score.resolution.PARTIAL' },
  { value: 'UNRESOLVED', label: 'score.resolution.UNRESOLVED' },
];

/**
 * The scoring workspace: the call, the rubric's criteria as cards, the live score computed by
 * libs/scoring (the server's code), keyboard scoring, autosave with optimistic locking, submit.
 */
@Component({
  selector: 'dc-scoring-page',
  imports: [TranslatePipe, LoadStateComponent, RouterLink, TranscriptComponent, AnswerScaleComponent],
  templateUrl: './scoring-page.component.html',
  styleUrl: './scoring-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
})
export class ScoringPageComponent implements HoldsUnsavedChanges {
  private readonly data = inject(ScoringData);
  protected readonly i18n = inject(I18nService);
  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly answers = signal<Record<string, AnswerState>>({});
  protected readonly resolution = signal<Resolution | null>(null);
  protected readonly supervisorRequested = signal(false);
  protected readonly supervisorProvided = signal(false);
  protected readonly comment = signal('');
  protected readonly saveState = signal<'idle' | 'saving' | 'saved' | 'conflict' | 'error'>('idle');
  protected readonly submitted = signal<string | null>(null);
  protected readonly resolutions = RESOLUTIONS;
  private readonly cards = viewChildren<ElementRef<HTMLElement>>('card');
  private version = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  private dirty = false;

  protected readonly evaluation = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.evaluation : null;
  });
  protected readonly criteria = computed(() =>
    [...(this.evaluation()?.rubricVersion.criteria ?? [])].sort((a, b) => a.position - b.position),
  );
  protected readonly editable = computed(() => this.evaluation()?.status === 'DRAFT' && !this.submitted());

  /** The same function the server scores with. */
  protected readonly live = computed(() => liveScore(this.criteria(), this.answers()));

  /** Why submit is disabled: the criteria and facts still missing. */
  protected readonly missing = computed(() =>
    missingForSubmit(this.criteria(), this.answers(), {
      resolution: this.resolution(),
      resolutionLabel: this.i18n.t('score.resolution'),
    }),
  );

  constructor() {
    reloadOnLanguage(this.i18n, this.id, (value, lang) => this.load(value, lang));
  }

  async load(id = this.id(), lang: 'ES' | 'EN' = this.i18n.gqlLang()): Promise<void> {
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      const evaluation = await this.data.workspace(id, lang);
      if (!evaluation) {
        this.state.set({ kind: 'missing' });
        return;
      }
      this.version = evaluation.version;
      this.answers.set(fromSavedAnswers(evaluation.answers));
      this.resolution.set(evaluation.resolution ?? null);
      this.supervisorRequested.set(evaluation.supervisorRequested ?? false);
      this.supervisorProvided.set(evaluation.supervisorProvided ?? false);
      this.comment.set(evaluation.comment ?? '');
      this.saveState.set('idle');
      this.state.set({ kind: 'ready', evaluation });
      setTimeout(() => this.cards()[0]?.nativeElement.focus());
    } catch (error) {
      this.state.set({
        kind: 'error',
        message:
          error instanceof ApiError && error.code === 'NETWORK' ? this.i18n.t('error.network') : this.i18n.t('error.generic'),
      });
    }
  }

  protected answer(code: string): AnswerState {
    return this.answers()[code] ?? EMPTY_ANSWER;
  }

  protected commentRequired(code: string): boolean {
    return commentRequired(this.answer(code));
  }

  protected setAnswer(code: string, change: Partial<AnswerState>): void {
    if (!this.editable()) return;
    this.answers.update((all) => ({ ...all, [code]: { ...this.answer(code), ...change } }));
    this.changed();
  }

  protected setFact(apply: () => void): void {
    if (!this.editable()) return;
    apply();
    this.changed();
  }

  /** Keyboard scoring on a focused card: 0–4 answer, N is N/A, arrows move between cards. */
  protected onCardKey(event: KeyboardEvent, index: number, code: string, naAllowed: boolean): void {
    const cards = this.cards().map((card) => card.nativeElement);
    onCriterionCardKey(event, index, naAllowed, cards, (change) => this.setAnswer(code, change));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected seconds(event: Event): number | null {
    return parseSeconds((event.target as HTMLInputElement).value);
  }

  private changed(): void {
    this.dirty = true;
    this.saveState.set('saving');
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Saves what changed, one save at a time, with the version last read (CONFLICT on a stale one). */
  private async flush(): Promise<void> {
    if (this.saving) await this.saving;
    if (!this.dirty || this.saveState() === 'conflict') return;
    this.dirty = false;
    const id = this.id();
    const input = {
      answers: toAnswerInputs(this.answers()),
      resolution: this.resolution(),
      supervisorRequested: this.supervisorRequested(),
      supervisorProvided: this.supervisorRequested() ? this.supervisorProvided() : null,
      comment: this.comment() || null,
    };
    this.saving = (async () => {
      try {
        this.version = await this.data.save(id, this.version, input);
        this.saveState.set(this.dirty ? 'saving' : 'saved');
      } catch (error) {
        const conflict = error instanceof ApiError && error.code === 'CONFLICT';
        // A failed save is tried again with the next change, or on leaving; a conflict needs a reload.
        if (!conflict) this.dirty = true;
        this.saveState.set(conflict ? 'conflict' : 'error');
      }
    })();
    await this.saving;
    this.saving = null;
  }

  /**
   * Leaving the page saves the pending answers first, so the last key pressed is never lost; when
   * they cannot be saved (another tab's change, the server away), the evaluator is asked.
   */
  async mayLeave(): Promise<boolean> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.flush();
    const unsaved = this.saveState() === 'error' || this.saveState() === 'conflict';
    return !unsaved || window.confirm(this.i18n.t('unsaved.confirm'));
  }

  /** Closing or reloading the tab while answers are unsaved: the browser asks first. */
  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    const state = this.saveState();
    if (this.dirty || this.saving || state === 'error' || state === 'conflict') event.preventDefault();
  }

  async submit(): Promise<void> {
    if (this.missing().length || !this.editable()) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.dirty = true;
    await this.flush();
    if (this.saveState() !== 'saved') return;
    try {
      const result = await this.data.submit(this.id(), this.version);
      this.version = result.version;
      this.submitted.set(this.i18n.t('score.submitted', { score: this.i18n.formatNumber(result.score ?? 0, 1) }));
    } catch (error) {
      this.saveState.set(error instanceof ApiError && error.code === 'CONFLICT' ? 'conflict' : 'error');
    }
  }

  protected readonly offset = formatOffset;
}
