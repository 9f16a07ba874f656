import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ApiError } from '../../core/api/graphql.client';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { HoldsUnsavedChanges } from '../../core/navigation/unsaved-changes.guard';
import { toDayInput } from '../../shared/time-range/time-range';
import { CoachingData } from './coaching.data';
import type { NewPlanOptions } from './coaching.data';
import { TEXTS } from './coaching.texts';
import { addDays, inRubricOrder, parseTarget, validatePlan } from './plan-form';
import { PlanFormState } from './plan-form-state';
import { PlanFieldsComponent } from './plan-fields.component';
import type { LoadState } from '../../shared/load-state/load-state';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';

type State = LoadState<{ options: NewPlanOptions }>;

/** Plans run six weeks unless the coach says otherwise. */
const DEFAULT_WEEKS = 6;
const DEFAULT_TARGET = '75';

/** A new coaching plan, pre-filled with the agent's suggested focus rules (docs/rubric.md#suggested-focus). */
@Component({
  selector: 'dc-new-plan-page',
  imports: [TranslatePipe, LoadStateComponent, RouterLink, PlanFieldsComponent],
  templateUrl: './new-plan-page.component.html',
  styleUrls: ['../../shared/styles/screen.css', './coaching.css', './new-plan-page.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
})
export class NewPlanPageComponent implements HoldsUnsavedChanges {
  private readonly data = inject(CoachingData);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  /** Query parameter `?agent=<id>`: whose plan it is. */
  readonly agent = input<string | undefined>(undefined);

  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly agentId = signal('');
  protected readonly suggested = signal<string[]>([]);
  protected readonly suggesting = signal(false);
  protected readonly form = new PlanFormState(this.i18n);
  protected readonly busy = signal(false);

  protected readonly options = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.options : null;
  });
  protected readonly agents = computed(() => (this.options()?.users ?? []).filter((u) => u.active));

  constructor() {
    this.i18n.register(TEXTS);
    const today = toDayInput(new Date());
    this.form.target.set(DEFAULT_TARGET);
    this.form.startDate.set(today);
    this.form.dueDate.set(addDays(today, DEFAULT_WEEKS * 7));
    effect(() => {
      const lang = this.i18n.gqlLang();
      untracked(() => void this.load(lang));
    });
    effect(() => {
      const agent = this.agent();
      untracked(() => {
        if (agent) void this.chooseAgent(agent);
      });
    });
  }

  async load(lang: 'ES' | 'EN' = this.i18n.gqlLang()): Promise<void> {
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      this.state.set({ kind: 'ready', options: await this.data.newPlanOptions(lang) });
    } catch (error) {
      const network = error instanceof ApiError && error.code === 'NETWORK';
      this.state.set({ kind: 'error', message: this.i18n.t(network ? 'error.network' : 'coaching.new.loadError') });
    }
  }

  /** Picks the agent and starts from their suggested focus rules. */
  protected async chooseAgent(agentId: string): Promise<void> {
    this.agentId.set(agentId);
    this.form.clearError('agentId');
    this.suggested.set([]);
    if (!agentId) return;
    this.suggesting.set(true);
    try {
      const { suggestedFocus } = await this.data.suggestedFocus(agentId);
      if (this.agentId() !== agentId) return;
      const codes = suggestedFocus.map((c) => c.code);
      this.suggested.set(codes);
      this.form.focusCodes.set(codes);
    } catch (error) {
      this.form.apiErrors.update((e) => ({
        ...e,
        agentId: error instanceof ApiError ? error.message : this.i18n.t('error.network'),
      }));
    } finally {
      this.suggesting.set(false);
    }
  }

  protected pickAgent(event: Event): void {
    void this.chooseAgent((event.target as HTMLSelectElement).value);
  }

  /** A plan being written is not dropped by a stray click: leaving asks first. */
  mayLeave(): boolean {
    return !this.form.edited() || window.confirm(this.i18n.t('unsaved.confirm'));
  }

  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.form.edited()) event.preventDefault();
  }

  protected async submit(): Promise<void> {
    const draft = { ...this.form.goal(), agentId: this.agentId() };
    if (!this.form.check(validatePlan(draft))) return;
    this.busy.set(true);
    try {
      const { createCoachingPlan } = await this.data.create({
        agentId: draft.agentId,
        focusCodes: inRubricOrder(draft.focusCodes, this.options()?.activeRubric.criteria.map((c) => c.code) ?? []),
        methods: [...this.form.methods()],
        targetFocusScore: parseTarget(draft.target)!,
        startDate: draft.startDate,
        dueDate: draft.dueDate,
        notes: this.form.notes().trim() || null,
      });
      this.form.edited.set(false);
      await this.router.navigate(['/coaching', createCoachingPlan.id]);
    } catch (error) {
      this.form.showApiError(error);
    } finally {
      this.busy.set(false);
    }
  }
}
