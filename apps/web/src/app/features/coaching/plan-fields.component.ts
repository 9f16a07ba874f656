import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TextKey } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { METHODS } from './coaching.data';
import { TEXTS } from './coaching.texts';
import type { PlanFormState, PlanTextField } from './plan-form-state';

/**
 * The fields of a plan's goal — focus rules, methods, target, start and due dates, notes — with
 * their errors beside them, for a new plan and for editing one (where the start date is shown
 * but does not change).
 */
@Component({
  selector: 'dc-plan-fields',
  imports: [TranslatePipe],
  templateUrl: './plan-fields.component.html',
  styleUrls: ['./coaching.css', './plan-fields.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanFieldsComponent {
  protected readonly i18n = inject(I18nService);
  readonly form = input.required<PlanFormState>();
  /** The rules to choose from, in rubric order. */
  readonly criteria = input.required<ReadonlyArray<{ code: string; title: string }>>();
  /** Whether suggested focus rules are offered (a new plan), and which for this agent. */
  readonly offerSuggestions = input(true);
  readonly suggested = input<readonly string[]>([]);
  readonly suggesting = input(false);
  /** False when editing: the baseline is defined by the start date, so it stays. */
  readonly startEditable = input(true);

  protected readonly methods = METHODS;

  constructor() {
    this.i18n.register(TEXTS);
  }

  protected setText(field: PlanTextField, event: Event): void {
    this.form().setText(field, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  }

  protected methodKey(method: string): TextKey {
    return `coaching.method.${method}`;
  }

  protected day(value: string): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? this.i18n.formatDate(`${value}T12:00:00`) : value;
  }
}
