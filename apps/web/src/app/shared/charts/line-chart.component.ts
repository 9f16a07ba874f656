import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
import { CategoryScale, Chart, Filler, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { I18nService } from '../../core/i18n/i18n.service';
import { CHART_FRAME_STYLES, CHART_FRAME_TEMPLATE, keepChartDrawn } from './chart-canvas';
import { baseChartOptions, withAlpha } from './chart-series';
import type { ChartSeries } from './chart-series';
import { ChartTableComponent } from './chart-table.component';

// Only what a line chart with a shaded band needs: the bundle carries no other chart kind.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend);

/** A line; `band` shades from the line up to the top of the scale (e.g. a goal zone), gaps where null. */
export interface LineSeries extends ChartSeries {
  band?: boolean;
}

type LineConfig = ChartConfiguration<'line', Array<number | null>, string>;

/** A line chart on a canvas, redrawn when its inputs or the language change, with a table for screen readers. */
@Component({
  selector: 'dc-line-chart',
  imports: [ChartTableComponent],
  template: `
    ${CHART_FRAME_TEMPLATE}
    <dc-chart-table [caption]="ariaLabel()" [labels]="labels()" [series]="series()" [digits]="digits()" />
  `,
  styles: CHART_FRAME_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LineChartComponent {
  private readonly i18n = inject(I18nService);
  /** Translated category labels (e.g. weeks). */
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly LineSeries[]>();
  /** What the chart shows, in words: the canvas's accessible name and the table's caption. */
  readonly ariaLabel = input.required<string>();
  readonly yMin = input(0);
  readonly yMax = input(100);
  readonly digits = input(1);
  readonly height = input(280);

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');

  private readonly config = computed<LineConfig>(() => {
    const locale = this.i18n.locale();
    const digits = this.digits();
    const format = (value: number) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    const datasets: Array<ChartDataset<'line', Array<number | null>>> = this.series().map((s) =>
      s.band
        ? {
            label: s.label,
            data: [...s.data],
            borderColor: s.color,
            backgroundColor: withAlpha(s.color, 0.14),
            borderDash: [6, 4],
            borderWidth: 2,
            pointRadius: 0,
            pointHitRadius: 6,
            fill: 'end',
            spanGaps: false,
            order: 2,
          }
        : {
            label: s.label,
            data: [...s.data],
            borderColor: s.color,
            backgroundColor: s.color,
            borderWidth: 2.5,
            pointRadius: 3.5,
            tension: 0.25,
            fill: false,
            // A week without evaluations is no reason to break the trend line.
            spanGaps: true,
            order: 1,
          },
    );
    return {
      type: 'line',
      data: { labels: [...this.labels()], datasets },
      options: {
        ...baseChartOptions(locale),
        scales: {
          y: { min: this.yMin(), max: this.yMax(), ticks: { callback: (v) => format(Number(v)).replace(/[.,]0+$/, '') } },
          x: { ticks: { autoSkip: true, maxRotation: 0 } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 14 } },
          tooltip: {
            callbacks: {
              label: (ctx) => (ctx.parsed.y === null ? '' : `${ctx.dataset.label ?? ''}: ${format(ctx.parsed.y)}`),
            },
          },
        },
      },
    };
  });

  constructor() {
    keepChartDrawn(this.canvas, this.config);
  }
}
