import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { TIME_RANGE_TEXTS } from './time-range.texts';
import { TIME_RANGE_PRESETS, customRange, presetRange, toDayInput } from './time-range';
import type { TimeRange, TimeRangePreset } from './time-range';

/** Picks the window of call time a screen shows: a preset or two dates. */
@Component({
  selector: 'dc-time-range-picker',
  imports: [TranslatePipe],
  template: `
    <fieldset class="range">
      <legend>{{ 'range.label' | t }}</legend>
      <select data-testid="range-preset" [attr.aria-label]="'range.label' | t" (change)="pickPreset($event)">
        @for (preset of presets; track preset) {
          <!-- [selected] per option: a [value] on the select would be set before its options exist. -->
          <option [value]="preset" [selected]="preset === shownPreset()">{{ 'range.' + preset | t }}</option>
        }
      </select>
      @if (customOpen()) {
        <label>
          {{ 'range.from' | t }}
          <input type="date" data-testid="range-from" [value]="fromDay()" (change)="fromDay.set(dateOf($event))" />
        </label>
        <label>
          {{ 'range.to' | t }}
          <input type="date" data-testid="range-to" [value]="toDay()" (change)="toDay.set(dateOf($event))" />
        </label>
        <button type="button" data-testid="range-apply" (click)="applyCustom()">{{ 'range.apply' | t }}</button>
        @if (invalid()) {
          <p class="error" role="alert">{{ 'range.invalid' | t }}</p>
        }
      }
    </fieldset>
  `,
  styles: `
    .range {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 0.75rem;
      border: none;
      padding: 0;
      margin: 0;
    }
    legend {
      font-size: 0.85rem;
      color: var(--muted);
      padding: 0;
      margin-bottom: 0.25rem;
    }
    label {
      display: flex;
      flex-direction: column;
      font-size: 0.85rem;
    }
    .error {
      flex-basis: 100%;
      margin: 0;
      color: var(--danger, #b00020);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeRangePickerComponent {
  readonly value = input.required<TimeRange>();
  readonly valueChange = output<TimeRange>();
  protected readonly presets = TIME_RANGE_PRESETS;
  protected readonly customChosen = signal(false);
  protected readonly customOpen = computed(() => this.customChosen() || this.value().preset === 'custom');
  protected readonly shownPreset = computed<TimeRangePreset>(() => (this.customOpen() ? 'custom' : this.value().preset));
  protected readonly fromDay = signal('');
  protected readonly toDay = signal('');
  protected readonly invalid = signal(false);

  constructor() {
    inject(I18nService).register(TIME_RANGE_TEXTS);
  }

  protected pickPreset(event: Event): void {
    const preset = (event.target as HTMLSelectElement).value as TimeRangePreset;
    if (preset === 'custom') {
      const current = this.value();
      this.fromDay.set(toDayInput(current.from));
      // `to` is exclusive: the last day shown is the day before.
      this.toDay.set(toDayInput(new Date(new Date(current.to).getTime() - 1)));
      this.customChosen.set(true);
      return;
    }
    this.customChosen.set(false);
    this.invalid.set(false);
    this.valueChange.emit(presetRange(preset));
  }

  protected dateOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected applyCustom(): void {
    const range = customRange(this.fromDay(), this.toDay());
    this.invalid.set(range === null);
    if (range) this.valueChange.emit(range);
  }
}
