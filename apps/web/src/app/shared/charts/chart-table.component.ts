import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import type { ChartReference, ChartSeries } from './chart-series';

/**
 * The data of a chart as a table for screen readers (a canvas says nothing by itself): one row
 * per category, one column per series, numbers in the interface's locale.
 */
@Component({
  selector: 'dc-chart-table',
  template: `
    <table class="visually-hidden">
      <caption>
        {{
          caption()
        }}
        @if (reference(); as ref) {
          — {{ ref.label }}: {{ format(ref.value) }}
        }
      </caption>
      <thead>
        <tr>
          <td></td>
          @for (s of series(); track $index) {
            <th scope="col">{{ s.label }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (label of labels(); track $index; let i = $index) {
          <tr>
            <th scope="row">{{ rowHeaders()?.[i] ?? label }}</th>
            @for (s of series(); track $index) {
              <td>{{ format(s.data[i]) }}</td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartTableComponent {
  private readonly i18n = inject(I18nService);
  readonly caption = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly rowHeaders = input<readonly string[] | undefined>(undefined);
  readonly series = input.required<readonly ChartSeries[]>();
  readonly digits = input(1);
  readonly reference = input<ChartReference | null>(null);

  protected format(value: number | null | undefined): string {
    return value === null || value === undefined ? '—' : this.i18n.formatNumber(value, this.digits());
  }
}
