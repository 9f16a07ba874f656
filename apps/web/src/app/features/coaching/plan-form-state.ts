import { signal } from '@angular/core';
import { ApiError } from '../../core/api/graphql.client';
import type { I18nService } from '../../core/i18n/i18n.service';
import type { CoachingMethod } from '../../graphql-types';
import { fieldOf } from './plan-form';
import type { PlanErrors, PlanField, PlanGoal, PlanGoalDraft } from './plan-form';

export type PlanTextField = 'target' | 'startDate' | 'dueDate' | 'notes';

/**
 * The plan form's values and problems as signals, shared by the new-plan page and the plan
 * page's edit form (both render it with `dc-plan-fields`).
 */
export class PlanFormState {
  readonly focusCodes = signal<string[]>([]);
  readonly methods = signal<CoachingMethod[]>([]);
  readonly target = signal('');
  readonly startDate = signal('');
  readonly dueDate = signal('');
  readonly notes = signal('');
  /** Client-side problems (text keys) and the API's (messages), per field. */
  readonly errors = signal<PlanErrors>({});
  readonly apiErrors = signal<PlanErrors>({});
  /** A problem that belongs to no one field. */
  readonly formError = signal<string | null>(null);
  /** The person changed something since the form was filled (the page asks before dropping it). */
  readonly edited = signal(false);

  constructor(private readonly i18n: I18nService) {}

  /** Starts from an existing plan's values. */
  fill(plan: PlanGoal<CoachingMethod> & { startDate: string }): void {
    this.focusCodes.set([...plan.focusCodes]);
    this.methods.set([...plan.methods]);
    this.target.set(String(plan.targetFocusScore));
    this.startDate.set(plan.startDate);
    this.dueDate.set(plan.dueDate);
    this.notes.set(plan.notes ?? '');
    this.errors.set({});
    this.apiErrors.set({});
    this.formError.set(null);
    this.edited.set(false);
  }

  goal(): PlanGoalDraft {
    return {
      focusCodes: this.focusCodes(),
      methods: this.methods(),
      target: this.target(),
      startDate: this.startDate(),
      dueDate: this.dueDate(),
    };
  }

  toggleFocus(code: string): void {
    this.focusCodes.update((codes) => (codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code]));
    this.edited.set(true);
    this.clearError('focusCodes');
  }

  toggleMethod(method: CoachingMethod): void {
    this.methods.update((all) => (all.includes(method) ? all.filter((m) => m !== method) : [...all, method]));
    this.edited.set(true);
    this.clearError('methods');
  }

  setText(field: PlanTextField, value: string): void {
    this[field].set(value);
    this.edited.set(true);
    this.clearError(field === 'target' ? 'targetFocusScore' : field);
  }

  /** The message to show next to a field: the client's check first, else the server's answer. */
  error(field: PlanField): string | null {
    const key = this.errors()[field];
    return key ? this.i18n.t(key) : (this.apiErrors()[field] ?? null);
  }

  clearError(field: PlanField): void {
    const without = (all: PlanErrors) => {
      const copy = { ...all };
      delete copy[field];
      return copy;
    };
    this.errors.update(without);
    this.apiErrors.update(without);
    if (!Object.keys(this.errors()).length) this.formError.set(null);
  }

  /**
   * Shows what `validatePlan` / `validateGoal` found before sending; when something is wrong,
   * says so and moves the focus to the first marked field. True when the form may be sent.
   */
  check(errors: PlanErrors): boolean {
    this.apiErrors.set({});
    this.formError.set(null);
    this.errors.set(errors);
    if (!Object.keys(errors).length) return true;
    this.formError.set(this.i18n.t('coaching.new.invalid'));
    setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return false;
  }

  /** Puts the API's refusal next to the field it names, or above the buttons. */
  showApiError(error: unknown): void {
    if (error instanceof ApiError && error.code !== 'NETWORK') {
      const field = fieldOf(error.field);
      if (field) this.apiErrors.set({ [field]: error.message });
      else this.formError.set(error.message);
    } else this.formError.set(this.i18n.t('error.network'));
  }
}
