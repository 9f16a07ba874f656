import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TextKey } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import type { LoadState } from '../../shared/load-state/load-state';
import type { FeedbackPlan, MyCoachingPlans } from './feedback.data';
import { arrangePlans, sessionsInOrder, sessionsToAcknowledge } from './feedback-view';

export type PlansState = LoadState<{ data: MyCoachingPlans }>;

/**
 * The agent's coaching plans: the running ones in full (goal, rules, start → now, sessions, the
 * sessions still to acknowledge standing out), then the closed ones, quieter.
 */
@Component({
  selector: 'dc-coaching-plans',
  imports: [TranslatePipe, RouterLink, LoadStateComponent],
  templateUrl: './coaching-plans.component.html',
  styleUrl: './coaching-plans.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoachingPlansComponent {
  protected readonly i18n = inject(I18nService);
  readonly state = input.required<PlansState>();
  /** The session whose acknowledgement is on its way. */
  readonly busy = input<string | null>(null);
  /** Why the server refused to acknowledge a session. */
  readonly error = input<{ id: string; message: string } | null>(null);
  readonly retry = output();
  readonly acknowledgeSession = output<string>();

  private readonly data = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.data : null;
  });
  protected readonly plans = computed(() => arrangePlans(this.data()?.coachingPlans ?? []));
  private readonly titles = computed(() => new Map(this.data()?.activeRubric.criteria.map((c) => [c.code, c.title]) ?? []));
  protected readonly sessionsInOrder = sessionsInOrder;
  protected readonly toAcknowledge = sessionsToAcknowledge;

  protected title(code: string): string {
    return this.titles().get(code) ?? '';
  }

  protected statusKey(plan: FeedbackPlan): TextKey {
    return `coaching.status.${plan.status}`;
  }

  /** A calendar day (`yyyy-mm-dd`) in the locale; noon keeps it on the same day in any time zone. */
  protected day(value: string): string {
    return this.i18n.formatDate(`${value}T12:00:00`);
  }

  protected score(value: number | null): string {
    return value === null ? '—' : this.i18n.formatNumber(value, 1);
  }
}
