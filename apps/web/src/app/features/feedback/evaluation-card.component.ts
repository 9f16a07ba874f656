import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TextKey } from '../../core/i18n/i18n.service';
import { formatOffset } from '../../core/i18n/time';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { DisputeFormComponent } from './dispute-form.component';
import type { DisputeRequest } from './dispute-form.component';
import type { FeedbackAnswer, FeedbackEvaluation } from './feedback.data';
import { disputeOpen, lowAnswers, scaleKey } from './feedback-view';

/**
 * One evaluation as the agent reads it: the score (and a critical failure), the call, the overall
 * comment, the points to improve with their evidence, every rule in a disclosure, and any dispute.
 * With `actions` it offers to acknowledge it or, while the window is open, to dispute it.
 */
@Component({
  selector: 'dc-evaluation-card',
  imports: [TranslatePipe, DisputeFormComponent],
  templateUrl: './evaluation-card.component.html',
  styleUrl: './evaluation-card.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvaluationCardComponent {
  protected readonly i18n = inject(I18nService);
  readonly evaluation = input.required<FeedbackEvaluation>();
  /** Offer acknowledge and dispute (the evaluations waiting for the agent). */
  readonly actions = input(false);
  /** An acknowledgement or dispute of this evaluation is on its way. */
  readonly busy = input(false);
  readonly disputing = input(false);
  /** Why the server refused the last action on this evaluation. */
  readonly error = input<string | null>(null);

  readonly acknowledge = output();
  readonly openDispute = output();
  readonly closeDispute = output();
  readonly dispute = output<DisputeRequest>();

  protected readonly id = computed(() => `evaluation-${this.evaluation().id}`);
  protected readonly low = computed(() => lowAnswers(this.evaluation().answers));
  /** Read once per evaluation: a window closing while the page is open is caught by the server. */
  protected readonly canDispute = computed(() => disputeOpen(this.evaluation().disputableUntil, Date.now()));
  protected readonly rules = computed(() =>
    this.evaluation().answers.map((a) => ({ code: a.criterion.code, title: a.criterion.title })),
  );
  protected readonly offset = formatOffset;

  protected score(value: number | null): string {
    return value === null ? '—' : this.i18n.formatNumber(value, 1);
  }

  protected answerLabel(answer: FeedbackAnswer): string {
    const key = scaleKey(answer);
    if (!key) return this.i18n.t('feedback.notAnswered');
    return answer.notApplicable ? this.i18n.t(key) : `${answer.value} · ${this.i18n.t(key)}`;
  }

  protected statusKey(status: string): TextKey {
    return `feedback.status.${status}`;
  }

  protected decisionKey(decision: string): TextKey {
    return `feedback.decision.${decision}`;
  }

  protected purposeKey(purpose: string): TextKey {
    return `purpose.${purpose}`;
  }
}
