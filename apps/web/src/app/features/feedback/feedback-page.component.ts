import type { ElementRef } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { ApiError } from '../../core/api/graphql.client';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TextKey } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { apiErrorMessage } from '../../shared/load-state/load-state';
import { PagedList } from '../../shared/paged-list/paged-list';
import { COACHING_PLAN_TEXTS } from '../../shared/coaching-plan/coaching-plan.texts';
import { CoachingPlansComponent } from './coaching-plans.component';
import type { PlansState } from './coaching-plans.component';
import type { DisputeRequest } from './dispute-form.component';
import { EvaluationCardComponent } from './evaluation-card.component';
import { FeedbackData, HISTORY, TO_CONFIRM } from './feedback.data';
import type { FeedbackEvaluation } from './feedback.data';
import { TEXTS } from './feedback.texts';
import { ListFooterComponent } from './list-footer.component';

/** Evaluations waiting for the agent: rarely more than a handful, so one page nearly always holds them. */
const TO_CONFIRM_PAGE = 50;
/** Earlier evaluations: the latest few, more on demand. */
const HISTORY_PAGE = 10;

/**
 * The agent's page: the evaluations waiting to be acknowledged or disputed, their coaching plans
 * with the sessions to acknowledge, and the evaluations already dealt with, a page at a time.
 */
@Component({
  selector: 'dc-feedback-page',
  imports: [TranslatePipe, EvaluationCardComponent, CoachingPlansComponent, ListFooterComponent],
  templateUrl: './feedback-page.component.html',
  styleUrl: './feedback-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackPageComponent {
  private readonly data = inject(FeedbackData);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18nService);
  protected readonly toConfirm = new PagedList<FeedbackEvaluation>();
  protected readonly history = new PagedList<FeedbackEvaluation>();
  protected readonly plans = signal<PlansState>({ kind: 'loading' });
  /** The evaluation or session whose acknowledgement or dispute is on its way. */
  protected readonly busy = signal<string | null>(null);
  /** Why the server refused the last action, and on which evaluation or session. */
  protected readonly failure = signal<{ id: string; message: string } | null>(null);
  /** The evaluation whose dispute form is open. */
  protected readonly disputing = signal<string | null>(null);
  /** What the last action did, said politely to screen readers and shown above the lists. */
  protected readonly announcement = signal('');
  private readonly toConfirmTitle = viewChild<ElementRef<HTMLElement>>('toConfirmTitle');

  /** "(n)" of the section title; `n+` while more pages wait, an ellipsis before the first answer. */
  protected readonly toConfirmCount = computed(() => {
    const l = this.toConfirm;
    if (l.loading() && !l.nodes().length) return '…';
    return `${l.nodes().length}${l.hasNextPage() ? '+' : ''}`;
  });

  constructor() {
    this.i18n.register(TEXTS);
    // The plan statuses are the coaching screens' words; only their texts come along, no code.
    this.i18n.register(COACHING_PLAN_TEXTS);
    effect(() => {
      const lang = this.i18n.gqlLang();
      untracked(() => {
        void this.loadEvaluations(lang);
        void this.loadPlans(lang);
      });
    });
  }

  /**
   * Both lists from their first page. The cards shown stay until the new ones come, so neither an
   * action nor a change of language (the rules' titles) blanks the page meanwhile.
   */
  private loadEvaluations(lang = this.i18n.gqlLang()): Promise<unknown> {
    const keepRows = true;
    return Promise.all([
      this.toConfirm.reload((after) => this.data.evaluations(TO_CONFIRM, lang, TO_CONFIRM_PAGE, after), { keepRows }),
      this.history.reload((after) => this.data.evaluations(HISTORY, lang, HISTORY_PAGE, after), { keepRows }),
    ]);
  }

  async loadPlans(lang = this.i18n.gqlLang()): Promise<void> {
    if (this.plans().kind !== 'ready') this.plans.set({ kind: 'loading' });
    try {
      this.plans.set({ kind: 'ready', data: await this.data.plans(lang) });
    } catch (error) {
      this.plans.set({ kind: 'error', message: apiErrorMessage(this.i18n, error, 'feedback.plansError') });
    }
  }

  protected errorFor(id: string): string | null {
    const failure = this.failure();
    return failure?.id === id ? failure.message : null;
  }

  protected openDispute(id: string): void {
    this.failure.set(null);
    this.disputing.set(id);
  }

  protected closeDispute(id: string): void {
    this.disputing.set(null);
    if (this.failure()?.id === id) this.failure.set(null);
    // Back to the button that opened the form.
    afterNextRender(() => document.querySelector<HTMLElement>(`[data-id="${id}"] [data-testid="open-dispute"]`)?.focus(), {
      injector: this.injector,
    });
  }

  async acknowledge(evaluation: FeedbackEvaluation): Promise<void> {
    const index = this.toConfirm.nodes().indexOf(evaluation);
    await this.act(
      evaluation.id,
      () => this.data.acknowledge(evaluation.id),
      () => this.afterMoved(index, 'feedback.acknowledged', evaluation),
    );
  }

  async sendDispute(evaluation: FeedbackEvaluation, request: DisputeRequest): Promise<void> {
    const index = this.toConfirm.nodes().indexOf(evaluation);
    await this.act(
      evaluation.id,
      () => this.data.dispute(evaluation.id, request.codes, request.reason),
      () => {
        this.disputing.set(null);
        return this.afterMoved(index, 'feedback.disputed', evaluation);
      },
    );
  }

  async acknowledgeSession(sessionId: string): Promise<void> {
    const state = this.plans();
    const plan =
      state.kind === 'ready' ? state.data.coachingPlans.find((p) => p.sessions.some((s) => s.id === sessionId)) : undefined;
    const session = plan?.sessions.find((s) => s.id === sessionId);
    await this.act(
      sessionId,
      () => this.data.acknowledgeSession(sessionId),
      async () => {
        await this.loadPlans();
        const date = session ? this.i18n.formatDate(`${session.date}T12:00:00`) : '';
        this.announce('feedback.plan.sessionAcknowledged', { date }, () =>
          plan ? document.getElementById(`plan-${plan.id}`) : null,
        );
      },
    );
  }

  /**
   * An evaluation left "to acknowledge": both lists are read again (it now shows under "Earlier"),
   * the change is announced and focus goes to the card that took its place, or to the section title.
   */
  private async afterMoved(index: number, message: TextKey, evaluation: FeedbackEvaluation): Promise<void> {
    await this.loadEvaluations();
    this.announce(message, { id: evaluation.call.externalId }, () => {
      const cards = this.toConfirm.nodes();
      const next = cards[Math.min(Math.max(index, 0), cards.length - 1)];
      return next ? document.getElementById(`evaluation-${next.id}-title`) : (this.toConfirmTitle()?.nativeElement ?? null);
    });
  }

  private announce(message: TextKey, params: Record<string, string>, focusTarget: () => HTMLElement | null): void {
    // Cleared when the action started, so the same message twice in a row is still read out.
    this.announcement.set(this.i18n.t(message, params));
    afterNextRender(() => focusTarget()?.focus(), { injector: this.injector });
  }

  /**
   * Runs an action on one evaluation or session, then `done` (reading the lists again). Its buttons
   * stay disabled until both have finished, so it cannot be sent twice; on refusal the server's
   * reason stays beside it.
   */
  private async act(id: string, run: () => Promise<unknown>, done: () => Promise<void>): Promise<void> {
    this.busy.set(id);
    this.failure.set(null);
    this.announcement.set('');
    try {
      try {
        await run();
      } catch (error) {
        // The server says why (e.g. the dispute window has closed).
        const message = error instanceof ApiError && error.code !== 'NETWORK' ? error.message : this.i18n.t('error.network');
        this.failure.set({ id, message });
        return;
      }
      await done();
    } finally {
      this.busy.set(null);
    }
  }
}
