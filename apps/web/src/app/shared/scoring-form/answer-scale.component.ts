import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { AnswerState } from './scoring-form';

/** A pick on the scale: a value 0–4, or N/A. */
export type ScalePick = { value: number; na: false } | { value: null; na: true };

const SCALE: ReadonlyArray<number | 'na'> = [0, 1, 2, 3, 4];
const SCALE_WITH_NA: ReadonlyArray<number | 'na'> = [...SCALE, 'na'];

/**
 * One criterion's answer buttons, 0–4 and N/A where the rule allows it, as a radio group. The
 * buttons stay out of the tab order: the card around them takes the focus and the keys
 * (scoring-form's `cardKeyAction`), so the whole rubric is answered from the keyboard.
 */
@Component({
  selector: 'dc-answer-scale',
  imports: [TranslatePipe],
  template: `
    <div class="answers" role="radiogroup" [attr.aria-label]="label()">
      @for (option of options(); track option) {
        <button
          type="button"
          tabindex="-1"
          role="radio"
          [attr.aria-checked]="option === 'na' ? answer().na : !answer().na && answer().value === option"
          [attr.aria-label]="
            namedValues() ? (option === 'na' ? ('scale.na' | t) : option + ' · ' + ('scale.' + option | t)) : null
          "
          [disabled]="disabled()"
          (click)="picked.emit(option === 'na' ? { value: null, na: true } : { value: option, na: false })"
        >
          {{ option === 'na' ? 'N/A' : option }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .answers {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      margin: 0.5rem 0;
    }
    .answers button {
      min-width: 2.6rem;
      padding: 0.35rem 0.6rem;
      border: 1px solid var(--border-strong);
      border-radius: 6px;
      background: #fff;
      font-weight: 700;
      cursor: pointer;
    }
    .answers button[aria-checked='true'] {
      background: var(--primary);
      color: #fff;
      border-color: var(--primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnswerScaleComponent {
  readonly answer = input.required<AnswerState>();
  readonly naAllowed = input.required<boolean>();
  /** What the radio group is called for assistive technology. */
  readonly label = input.required<string>();
  readonly disabled = input(false);
  /** Each button also speaks its value's meaning ("3 · Good"), where the rule's title is not beside it. */
  readonly namedValues = input(false);
  readonly picked = output<ScalePick>();
  /** The buttons, N/A last and only where the rule allows it. */
  protected readonly options = computed(() => (this.naAllowed() ? SCALE_WITH_NA : SCALE));
}
