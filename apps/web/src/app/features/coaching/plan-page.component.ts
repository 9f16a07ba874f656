import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApiError } from '../../core/api/graphql.client';
import { SessionService } from '../../core/auth/session.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { reloadOnLanguage } from '../../core/i18n/reload-on-language';
import type { TextKey } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { HoldsUnsavedChanges } from '../../core/navigation/unsaved-changes.guard';
import { BarChartComponent } from '../../shared/charts/bar-chart.component';
import type { ChartReference, ChartSeries } from '../../shared/charts/chart-series';
import { toDayInput } from '../../shared/time-range/time-range';
import { formatSigned } from '../../shared/format/format';
import { CoachingData } from './coaching.data';
import type { Plan, PlanEvaluation } from './coaching.data';
import { TEXTS } from './coaching.texts';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { EvaluationListComponent } from '../../shared/evaluation-list/evaluation-list.component';
import type { EvaluationListTexts } from '../../shared/evaluation-list/evaluation-list.component';
import { PagedList } from '../../shared/paged-list/paged-list';
import { planChanges, validateGoal } from './plan-form';
import { PlanFormState } from './plan-form-state';
import { PlanFieldsComponent } from './plan-fields.component';

type State =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; plan: Plan; criteria: ReadonlyArray<{ code: string; title: string }> };

const COLORS = { score: '#1d4ed8', target: '#047857' };
const EVALUATION_TEXTS: EvaluationListTexts = {
  date: 'coaching.col.date',
  call: 'coaching.col.call',
  evaluator: 'coaching.col.evaluator',
  score: 'coaching.col.score',
  status: 'coaching.col.status',
  statusOf: (status) => `coaching.evaluation.${status}`,
  critical: 'coaching.criticalMark',
  empty: 'coaching.plan.noEvaluations',
  error: 'coaching.evaluationsError',
  more: 'coaching.more',
};

/**
 * One coaching plan: its goal against baseline and current focus score, its evaluations and
 * sessions; a coach of the agent's team or an admin edits, completes or cancels it, each with the
 * version last read, so a change made meanwhile by someone else is explained instead of overwritten.
 */
@Component({
  selector: 'dc-plan-page',
  imports: [TranslatePipe, LoadStateComponent, RouterLink, BarChartComponent, EvaluationListComponent, PlanFieldsComponent],
  templateUrl: './plan-page.component.html',
  styleUrls: ['../../shared/styles/screen.css', './coaching.css', './plan-page.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
})
export class PlanPageComponent implements HoldsUnsavedChanges {
  private readonly data = inject(CoachingData);
  private readonly session = inject(SessionService);
  protected readonly i18n = inject(I18nService);
  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly state = signal<State>({ kind: 'loading' });
  /** The agent's evaluations since the plan started. */
  protected readonly evaluations = new PagedList<PlanEvaluation>();
  protected readonly evaluationTexts = EVALUATION_TEXTS;
  protected readonly sessionDate = signal(toDayInput(new Date()));
  protected readonly sessionNotes = signal('');
  protected readonly sessionActions = signal('');
  protected readonly sessionErrors = signal<{ date?: string; notes?: string; agreedActions?: string }>({});
  protected readonly confirming = signal<'complete' | 'cancel' | null>(null);
  /** The two ways to close an open plan, each asked to be confirmed first. */
  protected readonly closings: ReadonlyArray<{ action: 'complete' | 'cancel'; testId: string; label: TextKey }> = [
    { action: 'complete', testId: 'complete-plan', label: 'coaching.plan.complete' },
    { action: 'cancel', testId: 'cancel-plan', label: 'coaching.plan.cancelPlan' },
  ];
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  /** The inline edit form, while open. */
  protected readonly editing = signal(false);
  protected readonly edit = new PlanFormState(this.i18n);
  /** The last write was refused because the plan had changed since it was read. */
  protected readonly conflict = signal(false);

  protected readonly plan = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.plan : null;
  });
  protected readonly open = computed(() => this.plan()?.status === 'ACTIVE' || this.plan()?.status === 'OVERDUE');
  protected readonly mayManage = computed(() => this.session.may('coaching.manage'));
  /** Calls are linked for those who read them. */
  protected readonly isStaff = computed(() => this.session.may('calls.read'));
  protected readonly isAgent = computed(() => !!this.plan() && this.session.user()?.id === this.plan()?.agent.id);
  /** Focus rules to choose from when editing: the active rubric's, plus any of the plan's it no longer has. */
  protected readonly focusChoices = computed(() => {
    const state = this.state();
    if (state.kind !== 'ready') return [];
    const known = new Set(state.criteria.map((c) => c.code));
    return [...state.criteria, ...state.plan.focusCodes.filter((code) => !known.has(code)).map((code) => ({ code, title: '' }))];
  });

  /** Baseline and current focus score as bars, the goal as a line across them. */
  protected readonly chart = computed(() => {
    const plan = this.plan();
    if (!plan) return null;
    const series: ChartSeries[] = [
      { label: this.i18n.t('coaching.plan.result'), data: [plan.baseline, plan.current], color: COLORS.score },
    ];
    const reference: ChartReference = {
      value: plan.targetFocusScore,
      label: this.i18n.t('coaching.plan.target'),
      color: COLORS.target,
    };
    return {
      labels: [this.i18n.t('coaching.plan.baseline'), this.i18n.t('coaching.plan.current')],
      series,
      reference,
    };
  });

  constructor() {
    this.i18n.register(TEXTS);
    reloadOnLanguage(this.i18n, this.id, (value, lang) => this.load(value, lang));
  }

  async load(id = this.id(), lang: 'ES' | 'EN' = this.i18n.gqlLang()): Promise<void> {
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      const { coachingPlan, activeRubric } = await this.data.plan(id, lang);
      if (id !== this.id()) return;
      if (!coachingPlan) {
        this.state.set({ kind: 'missing' });
        return;
      }
      const first = this.state().kind !== 'ready';
      this.state.set({
        kind: 'ready',
        plan: coachingPlan,
        criteria: activeRubric.criteria,
      });
      if (first) {
        const since = `${coachingPlan.startDate}T00:00:00.000Z`;
        void this.evaluations.reload(async (after) => {
          const { evaluations } = await this.data.evaluations(coachingPlan.agent.id, since, after);
          return evaluations;
        });
      }
    } catch (error) {
      const network = error instanceof ApiError && error.code === 'NETWORK';
      this.state.set({ kind: 'error', message: this.i18n.t(network ? 'error.network' : 'coaching.plan.loadError') });
    }
  }

  protected title(code: string): string {
    const state = this.state();
    return state.kind === 'ready' ? (state.criteria.find((c) => c.code === code)?.title ?? '') : '';
  }

  protected day(value: string): string {
    return this.i18n.formatDate(`${value}T12:00:00`);
  }

  protected score(value: number | null): string {
    return value === null ? '—' : this.i18n.formatNumber(value, 1);
  }

  protected signed(value: number): string {
    return formatSigned(value, this.i18n.locale());
  }

  protected statusKey(status: string): TextKey {
    return `coaching.status.${status}`;
  }

  protected methodKey(method: string): TextKey {
    return `coaching.method.${method}`;
  }

  protected setSessionText(field: 'sessionDate' | 'sessionNotes' | 'sessionActions', event: Event): void {
    this[field].set((event.target as HTMLInputElement | HTMLTextAreaElement).value);
    this.sessionErrors.set({});
  }

  protected async logSession(): Promise<void> {
    const plan = this.plan();
    if (!plan) return;
    const errors: { date?: string; notes?: string } = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.sessionDate())) errors.date = this.i18n.t('coaching.error.date');
    if (!this.sessionNotes().trim()) errors.notes = this.i18n.t('coaching.error.notes');
    this.sessionErrors.set(errors);
    this.notice.set(null);
    if (Object.keys(errors).length) return;
    this.busy.set(true);
    try {
      await this.data.logSession(plan.id, {
        date: this.sessionDate(),
        notes: this.sessionNotes().trim(),
        agreedActions: this.sessionActions().trim() || null,
      });
      this.sessionNotes.set('');
      this.sessionActions.set('');
      this.notice.set(this.i18n.t('coaching.plan.sessionSaved'));
      await this.load();
    } catch (error) {
      if (error instanceof ApiError && error.code !== 'NETWORK') {
        const field = error.field?.replace(/^input\./, '');
        if (field === 'date' || field === 'notes' || field === 'agreedActions')
          this.sessionErrors.set({ [field]: error.message });
        else this.actionError.set(error.message);
      } else this.actionError.set(this.i18n.t('error.network'));
    } finally {
      this.busy.set(false);
    }
  }

  /** An edit in progress is not dropped by a stray click: leaving asks first. */
  mayLeave(): boolean {
    return !this.unsavedEdit() || window.confirm(this.i18n.t('unsaved.confirm'));
  }

  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.unsavedEdit()) event.preventDefault();
  }

  private unsavedEdit(): boolean {
    return this.editing() && this.edit.edited();
  }

  protected startEdit(): void {
    const plan = this.plan();
    if (!plan) return;
    this.edit.fill(plan);
    this.editing.set(true);
    this.notice.set(null);
    this.actionError.set(null);
    setTimeout(() => document.querySelector<HTMLElement>('#plan-edit-title')?.focus());
  }

  protected discardEdit(): void {
    this.editing.set(false);
  }

  /** Sends only what changed, with the version the page shows. */
  protected async saveEdit(): Promise<void> {
    const plan = this.plan();
    if (!plan || !this.edit.check(validateGoal(this.edit.goal()))) return;
    const changes = planChanges(
      plan,
      {
        focusCodes: this.edit.focusCodes(),
        methods: this.edit.methods(),
        target: this.edit.target(),
        dueDate: this.edit.dueDate(),
        notes: this.edit.notes(),
      },
      this.focusChoices().map((c) => c.code),
    );
    if (!Object.keys(changes).length) {
      this.editing.set(false);
      this.notice.set(this.i18n.t('coaching.edit.unchanged'));
      return;
    }
    this.busy.set(true);
    this.conflict.set(false);
    try {
      await this.data.update(plan.id, plan.version, changes);
      this.editing.set(false);
      this.notice.set(this.i18n.t('coaching.edit.saved'));
      await this.load();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') this.showConflict();
      else this.edit.showApiError(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Explains the CONFLICT at the top of the page and takes the focus there (the Reload button). */
  private showConflict(): void {
    this.conflict.set(true);
    setTimeout(() => document.querySelector<HTMLElement>('[data-testid="plan-reload"]')?.focus());
  }

  /** After a CONFLICT: the plan as it is now; an open edit form starts again from it. */
  protected async reloadAfterConflict(): Promise<void> {
    this.conflict.set(false);
    this.actionError.set(null);
    await this.load();
    const plan = this.plan();
    if (this.editing() && plan && this.open()) this.edit.fill(plan);
    else this.editing.set(false);
  }

  protected async acknowledge(sessionId: string): Promise<void> {
    await this.act(() => this.data.acknowledgeSession(sessionId));
  }

  protected async confirm(): Promise<void> {
    const plan = this.plan();
    const action = this.confirming();
    if (!plan || !action) return;
    await this.act(() =>
      action === 'complete' ? this.data.complete(plan.id, plan.version) : this.data.cancel(plan.id, plan.version),
    );
    this.confirming.set(null);
  }

  private async act(run: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    this.notice.set(null);
    try {
      await run();
      await this.load();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') this.showConflict();
      else
        this.actionError.set(
          error instanceof ApiError && error.code !== 'NETWORK' ? error.message : this.i18n.t('error.network'),
        );
    } finally {
      this.busy.set(false);
    }
  }
}
