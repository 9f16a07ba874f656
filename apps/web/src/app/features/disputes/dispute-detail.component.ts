import type { ElementRef } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { ApiError } from '../../core/api/graphql.client';
import { SessionService } from '../../core/auth/session.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { reloadOnLanguage } from '../../core/i18n/reload-on-language';
import type { TextKey } from '../../core/i18n/i18n.service';
import { formatOffset } from '../../core/i18n/time';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { DisputeDecision } from '../../graphql-types';
import {
  EMPTY_ANSWER,
  commentRequired,
  fromSavedAnswers,
  liveScore,
  onCriterionCardKey,
} from '../../shared/scoring-form/scoring-form';
import type { AnswerState } from '../../shared/scoring-form/scoring-form';
import { amendedAnswers, evidenceTurns, resolutionBlockers, toResolveInput, whyNotResolvable } from './dispute-form';
import type { Blocker } from './dispute-form';
import { DisputesData } from './disputes.data';
import type { DisputeDetail } from './disputes.data';
import { TEXTS } from './disputes.texts';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import type { LoadState } from '../../shared/load-state/load-state';
import { AnswerScaleComponent } from '../../shared/scoring-form/answer-scale.component';
import { TranscriptComponent } from '../../shared/transcript/transcript.component';

type State = LoadState<{ evaluation: DisputeDetail }> | { kind: 'missing' };

/** What the list says once a dispute is resolved. */
export interface ResolvedDispute {
  call: string;
  decision: DisputeDecision;
  oldScore: number | null;
  score: number | null;
}

/** Where the server placed an error: the resolution comment, one contested rule, or the whole form. */
interface FieldError {
  message: string;
  code: string | null;
  field: 'comment' | 'rule' | 'form';
}

/**
 * One dispute: the contested rules with the original answer and its evidence, the transcript
 * with the evidence turns highlighted, the agent's reason, and the decision — uphold, or amend
 * with the new score computed live by libs/scoring (the server's own code).
 */
@Component({
  selector: 'dc-dispute-detail',
  imports: [TranslatePipe, LoadStateComponent, TranscriptComponent, AnswerScaleComponent],
  templateUrl: './dispute-detail.component.html',
  styleUrl: './dispute-detail.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DisputeDetailComponent {
  private readonly data = inject(DisputesData);
  private readonly session = inject(SessionService);
  protected readonly i18n = inject(I18nService);
  readonly evaluationId = input.required<string>();
  readonly resolved = output<ResolvedDispute>();
  readonly closed = output<void>();

  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly decision = signal<DisputeDecision | null>(null);
  protected readonly amendments = signal<Record<string, AnswerState>>({});
  protected readonly comment = signal('');
  protected readonly sending = signal(false);
  protected readonly error = signal<FieldError | null>(null);
  protected readonly offset = formatOffset;
  private readonly amendCards = viewChildren<ElementRef<HTMLElement>>('amendCard');
  private readonly transcript = viewChild(TranscriptComponent);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  protected readonly evaluation = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.evaluation : null;
  });
  protected readonly criteria = computed(() =>
    [...(this.evaluation()?.rubricVersion.criteria ?? [])].sort((a, b) => a.position - b.position),
  );
  protected readonly saved = computed(() => fromSavedAnswers(this.evaluation()?.answers ?? []));
  /** The contested rules, in rubric order. */
  protected readonly contested = computed(() => {
    const codes = this.evaluation()?.dispute?.codes ?? [];
    return this.criteria().filter((c) => codes.includes(c.code));
  });
  private readonly contestedCodes = computed(() => this.contested().map((c) => c.code));
  protected readonly notResolvable = computed(() => {
    const evaluation = this.evaluation();
    return evaluation ? whyNotResolvable(evaluation, this.session.user()?.id ?? null) : null;
  });
  /** Indexes of the transcript turns spoken at the contested rules' evidence times. */
  protected readonly evidence = computed(() => {
    const saved = this.saved();
    const times = this.contestedCodes()
      .map((code) => saved[code]?.evidence)
      .filter((t): t is number => t !== null && t !== undefined);
    return evidenceTurns(this.evaluation()?.call.transcript ?? [], times);
  });
  /** The score with the amended answers, by the same function the server recomputes it with. */
  protected readonly newScore = computed(() =>
    this.decision() === 'AMEND' ? liveScore(this.criteria(), amendedAnswers(this.saved(), this.amendments())) : null,
  );
  private readonly blockers = computed(() =>
    resolutionBlockers(this.criteria(), this.saved(), this.contestedCodes(), {
      decision: this.decision(),
      amendments: this.amendments(),
      comment: this.comment(),
    }),
  );
  protected readonly missing = computed(() => this.blockers().map((b) => this.blockerText(b)));

  constructor() {
    this.i18n.register(TEXTS);
    reloadOnLanguage(this.i18n, this.evaluationId, (value, lang) => this.load(value, lang));
  }

  async load(id = this.evaluationId(), lang: 'ES' | 'EN' = this.i18n.gqlLang()): Promise<void> {
    const reloading = this.state().kind === 'ready';
    if (!reloading) this.state.set({ kind: 'loading' });
    try {
      const evaluation = await this.data.detail(id, lang);
      if (!evaluation || evaluation.status !== 'DISPUTED' || !evaluation.dispute) {
        this.state.set({ kind: 'missing' });
        return;
      }
      this.state.set({ kind: 'ready', evaluation });
      if (reloading) return; // a language change keeps what was being decided
      const saved = this.saved();
      this.amendments.set(Object.fromEntries(this.contestedCodes().map((code) => [code, saved[code] ?? EMPTY_ANSWER])));
      setTimeout(() => {
        this.heading()?.nativeElement.focus();
        this.transcript()?.scrollToTurn([...this.evidence()].sort((a, b) => a - b)[0]);
      });
    } catch (error) {
      this.state.set({
        kind: 'error',
        message:
          error instanceof ApiError && error.code === 'NETWORK'
            ? this.i18n.t('error.network')
            : this.i18n.t('disputes.loadError'),
      });
    }
  }

  protected answer(code: string): AnswerState {
    return this.amendments()[code] ?? EMPTY_ANSWER;
  }

  protected original(code: string): AnswerState {
    return this.saved()[code] ?? EMPTY_ANSWER;
  }

  protected valueLabel(a: AnswerState): string {
    if (a.na) return this.i18n.t('scale.na');
    return a.value === null ? '—' : `${a.value} · ${this.i18n.t(`scale.${a.value}`)}`;
  }

  protected commentRequired(code: string): boolean {
    return commentRequired(this.answer(code));
  }

  protected setAmendment(code: string, change: Partial<AnswerState>): void {
    this.amendments.update((all) => ({ ...all, [code]: { ...this.answer(code), ...change } }));
    if (this.error()?.code === code) this.error.set(null);
  }

  protected setComment(event: Event): void {
    this.comment.set((event.target as HTMLTextAreaElement).value);
    if (this.error()?.field === 'comment') this.error.set(null);
  }

  protected ruleComment(code: string, event: Event): void {
    this.setAmendment(code, { comment: (event.target as HTMLTextAreaElement).value });
  }

  /** Keyboard amending on a focused rule: 0–4 answer, N is N/A where allowed, arrows move. */
  protected onAmendKey(event: KeyboardEvent, index: number, code: string, naAllowed: boolean): void {
    const cards = this.amendCards().map((card) => card.nativeElement);
    onCriterionCardKey(event, index, naAllowed, cards, (change) => this.setAmendment(code, change));
  }

  /** The turn shown for an evidence time. */
  protected showEvidence(seconds: number): void {
    const [turn] = evidenceTurns(this.evaluation()?.call.transcript ?? [], [seconds]);
    this.transcript()?.scrollToTurn(turn, true);
  }

  async submit(): Promise<void> {
    const evaluation = this.evaluation();
    const decision = this.decision();
    if (!evaluation || !decision || this.blockers().length || this.notResolvable() || this.sending()) return;
    const input = toResolveInput(this.contestedCodes(), {
      decision,
      amendments: this.amendments(),
      comment: this.comment(),
    });
    this.sending.set(true);
    this.error.set(null);
    try {
      const result = await this.data.resolve(evaluation.id, input);
      this.resolved.emit({ call: result.call.externalId, decision, oldScore: evaluation.score, score: result.score });
    } catch (error) {
      this.error.set(this.placeError(error, input.answers?.map((a) => a.code) ?? []));
    } finally {
      this.sending.set(false);
    }
  }

  /** Puts an API error next to what it names (`input.comment`, `input.answers[i].…`). */
  private placeError(error: unknown, sentCodes: string[]): FieldError {
    if (!(error instanceof ApiError) || error.code === 'NETWORK') {
      return { message: this.i18n.t('error.network'), code: null, field: 'form' };
    }
    if (error.field === 'input.comment') return { message: error.message, code: null, field: 'comment' };
    const rule = /^input\.answers\[(\d+)\]/.exec(error.field ?? '');
    const code = rule ? sentCodes[Number(rule[1])] : undefined;
    if (code) return { message: error.message, code, field: 'rule' };
    return { message: error.message, code: null, field: 'form' };
  }

  private blockerText(blocker: Blocker): string {
    const code = 'code' in blocker ? blocker.code : '';
    return this.i18n.t(`disputes.missing.${blocker.kind}` satisfies TextKey, { code });
  }
}
