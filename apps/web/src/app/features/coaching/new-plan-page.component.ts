import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ApiError } from '../../core/api/graphql.client';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TextKey } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { CoachingMethod } from '../../graphql-types';
import { toDayInput } from '../../shared/time-range/time-range';
import { CoachingData, METHODS } from './coaching.data';
import type { NewPlanOptions } from './coaching.data';
import { TEXTS } from './coaching.texts';
import { addDays, fieldOf, parseTarget, validatePlan } from './plan-form';
import type { PlanField } from './plan-form';
import type { LoadState } from '../../shared/load-state/load-state';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';

type State = LoadState<{ options: NewPlanOptions }>;

/** Plans run six weeks unless the coach says otherwise. */
const DEFAULT_WEEKS = 6;
const DEFAULT_TARGET = '75';

/** A new coaching plan, pre-filled with the agent's suggested focus rules (RUBRIC.md §5). */
@Component({
  selector: 'dc-new-plan-page',
  imports: [TranslatePipe, LoadStateComponent, RouterLink],
  templateUrl: './new-plan-page.component.html',
  styleUrls: ['../../shared/styles/screen.css', './coaching.css', './new-plan-page.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPlanPageComponent {
  private readonly data = inject(CoachingData);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  /** Query parameter `?agent=<id>`: whose plan it is. */
  readonly agent = input<string | undefined>(undefined);

  protected readonly methods = METHODS;
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly agentId = signal('');
  protected readonly suggested = signal<string[]>([]);
  protected readonly suggesting = signal(false);
  protected readonly focusCodes = signal<string[]>([]);
  protected readonly chosenMethods = signal<CoachingMethod[]>([]);
  protected readonly target = signal(DEFAULT_TARGET);
  protected readonly startDate = signal(toDayInput(new Date()));
  protected readonly dueDate = signal(addDays(toDayInput(new Date()), DEFAULT_WEEKS * 7));
  protected readonly notes = signal('');
  /** Client-side problems (text keys) and the API's (messages), per field. */
  protected readonly errors = signal<Partial<Record<PlanField, string>>>({});
  protected readonly apiErrors = signal<Partial<Record<PlanField, string>>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly options = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.options : null;
  });
  protected readonly agents = computed(() => (this.options()?.users ?? []).filter((u) => u.active));

  constructor() {
    this.i18n.register(TEXTS);
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
    this.clearError('agentId');
    this.suggested.set([]);
    if (!agentId) return;
    this.suggesting.set(true);
    try {
      const { suggestedFocus } = await this.data.suggestedFocus(agentId);
      if (this.agentId() !== agentId) return;
      const codes = suggestedFocus.map((c) => c.code);
      this.suggested.set(codes);
      this.focusCodes.set(codes);
    } catch (error) {
      this.apiErrors.update((e) => ({ ...e, agentId: error instanceof ApiError ? error.message : this.i18n.t('error.network') }));
    } finally {
      this.suggesting.set(false);
    }
  }

  protected pickAgent(event: Event): void {
    void this.chooseAgent((event.target as HTMLSelectElement).value);
  }

  protected toggleFocus(code: string): void {
    this.focusCodes.update((codes) => (codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code]));
    this.clearError('focusCodes');
  }

  protected toggleMethod(method: CoachingMethod): void {
    this.chosenMethods.update((all) => (all.includes(method) ? all.filter((m) => m !== method) : [...all, method]));
    this.clearError('methods');
  }

  protected setText(field: 'target' | 'startDate' | 'dueDate' | 'notes', event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this[field].set(value);
    this.clearError(field === 'target' ? 'targetFocusScore' : field);
  }

  /** The message to show next to a field: the client's check first, else the server's answer. */
  protected error(field: PlanField): string | null {
    const key = this.errors()[field];
    return key ? this.i18n.t(key) : (this.apiErrors()[field] ?? null);
  }

  protected methodKey(method: string): TextKey {
    return `coaching.method.${method}`;
  }

  private clearError(field: PlanField): void {
    const without = (all: Partial<Record<PlanField, string>>) => {
      const copy = { ...all };
      delete copy[field];
      return copy;
    };
    this.errors.update(without);
    this.apiErrors.update(without);
    if (!Object.keys(this.errors()).length) this.formError.set(null);
  }

  protected async submit(): Promise<void> {
    this.apiErrors.set({});
    this.formError.set(null);
    const draft = {
      agentId: this.agentId(),
      focusCodes: this.focusCodes(),
      methods: this.chosenMethods(),
      target: this.target(),
      startDate: this.startDate(),
      dueDate: this.dueDate(),
    };
    const errors = validatePlan(draft);
    this.errors.set(errors);
    if (Object.keys(errors).length) {
      this.formError.set(this.i18n.t('coaching.new.invalid'));
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    this.busy.set(true);
    try {
      // Criteria in rubric order, whatever order they were ticked in.
      const order = this.options()?.activeRubric.criteria.map((c) => c.code) ?? [];
      const { createCoachingPlan } = await this.data.create({
        agentId: draft.agentId,
        focusCodes: [...draft.focusCodes].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
        methods: [...draft.methods],
        targetFocusScore: parseTarget(draft.target)!,
        startDate: draft.startDate,
        dueDate: draft.dueDate,
        notes: this.notes().trim() || null,
      });
      await this.router.navigate(['/coaching', createCoachingPlan.id]);
    } catch (error) {
      if (error instanceof ApiError && error.code !== 'NETWORK') {
        const field = fieldOf(error.field);
        if (field) this.apiErrors.set({ [field]: error.message });
        else this.formError.set(error.message);
      } else this.formError.set(this.i18n.t('error.network'));
    } finally {
      this.busy.set(false);
    }
  }
}
