import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration, Plugin } from 'chart.js';
import { I18nService } from '../../core/i18n/i18n.service';
import { CHART_FRAME_STYLES, CHART_FRAME_TEMPLATE, keepChartDrawn } from './chart-canvas';
import { baseChartOptions } from './chart-series';
import type { ChartReference, ChartSeries } from './chart-series';
import { ChartTableComponent } from './chart-table.component';

// Only what grouped bars need: the bundle carries no other chart kind.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

type BarConfig = ChartConfiguration<'bar', Array<number | null>, string>;

/** Grouped bars on a canvas (optionally a labelled horizontal reference line), with a table for screen readers. */
@Component({
  selector: 'dc-bar-chart',
  imports: [ChartTableComponent],
  template: `
    ${CHART_FRAME_TEMPLATE}
    <dc-chart-table
      [caption]="ariaLabel()"
      [labels]="labels()"
      [rowHeaders]="descriptions()"
      [series]="series()"
      [digits]="digits()"
      [reference]="reference()"
    />
  `,
  styles: CHART_FRAME_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChartComponent {
  private readonly i18n = inject(I18nService);
  /** Short translated category labels (e.g. rule codes) for the axis. */
  readonly labels = input.required<readonly string[]>();
  /** Longer names of the categories (e.g. rule titles) for tooltips and the table; the labels when absent. */
  readonly descriptions = input<readonly string[] | undefined>(undefined);
  readonly series = input.required<readonly ChartSeries[]>();
  readonly ariaLabel = input.required<string>();
  readonly reference = input<ChartReference | null>(null);
  readonly yMax = input(100);
  readonly digits = input(1);
  readonly height = input(280);

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');

  /** Draws the reference (read at draw time, so it follows the input) over the bars. */
  private readonly referenceLine: Plugin<'bar'> = {
    id: 'dcReferenceLine',
    afterDatasetsDraw: (chart) => {
      const ref = this.reference();
      const y = chart.scales['y'];
      if (!ref || !y) return;
      const { ctx, chartArea } = chart;
      const pixel = y.getPixelForValue(ref.value);
      ctx.save();
      ctx.strokeStyle = ref.color;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, pixel);
      ctx.lineTo(chartArea.right, pixel);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = ref.color;
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      ctx.fillText(`${ref.label}: ${this.i18n.formatNumber(ref.value, this.digits())}`, chartArea.right - 4, pixel - 4);
      ctx.restore();
    },
  };

  private readonly config = computed<BarConfig>(() => {
    const locale = this.i18n.locale();
    const digits = this.digits();
    const descriptions = this.descriptions();
    const format = (value: number) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    return {
      type: 'bar',
      data: {
        labels: [...this.labels()],
        datasets: this.series().map((s) => ({
          label: s.label,
          data: [...s.data],
          backgroundColor: s.color,
          borderRadius: 3,
          maxBarThickness: 48,
        })),
      },
      options: {
        ...baseChartOptions(locale),
        scales: {
          y: { min: 0, max: this.yMax(), ticks: { callback: (v) => format(Number(v)).replace(/[.,]0+$/, '') } },
          x: { ticks: { autoSkip: false, maxRotation: 0 } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 14 } },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? (descriptions?.[items[0].dataIndex] ?? items[0].label) : ''),
              label: (ctx) => `${ctx.dataset.label ?? ''}: ${ctx.parsed.y === null ? '—' : format(ctx.parsed.y)}`,
            },
          },
        },
      },
      plugins: [this.referenceLine],
    };
  });

  constructor() {
    keepChartDrawn(this.canvas, this.config, () => this.reference());
  }
}
