import type { ElementRef, Signal } from '@angular/core';
import { DestroyRef, afterRenderEffect, inject } from '@angular/core';
import { Chart } from 'chart.js';
import type { ChartConfiguration, ChartType } from 'chart.js';

/**
 * The canvas every chart draws on, named for assistive technology by the wrapper's `ariaLabel`
 * (the table after it gives the numbers); `#canvas` is what `keepChartDrawn` draws on.
 */
export const CHART_FRAME_TEMPLATE = `
  <div class="frame" [style.height.px]="height()">
    <canvas #canvas role="img" data-testid="chart-canvas" [attr.aria-label]="ariaLabel()"></canvas>
  </div>
`;

/**
 * The canvas box of every chart: chart.js sizes the canvas to it (`responsive`, no fixed aspect
 * ratio), so the wrapper's `height` input decides how tall the chart is.
 */
export const CHART_FRAME_STYLES = `
  :host {
    display: block;
  }
  .frame {
    position: relative;
    width: 100%;
  }
`;

/**
 * Keeps a chart.js chart on a canvas in step with its configuration: created once the canvas is
 * rendered, then updated in place when the configuration changes (a new chart would flash and
 * replay its animation), destroyed with the component. Call it from a component's constructor.
 * Each wrapper registers only the chart.js parts it uses, so the bundle carries no other kind.
 *
 * `redrawOn` reads what the chart draws from outside its configuration (a plugin's input), so
 * that a change there alone redraws it too.
 */
export function keepChartDrawn<Type extends ChartType, Data, Label>(
  canvas: Signal<ElementRef<HTMLCanvasElement>>,
  config: Signal<ChartConfiguration<Type, Data, Label>>,
  redrawOn?: () => unknown,
): void {
  let chart: Chart<Type, Data, Label> | null = null;
  afterRenderEffect(() => {
    const next = config();
    redrawOn?.();
    if (!chart) {
      chart = new Chart(canvas().nativeElement, next);
      return;
    }
    chart.data = next.data;
    chart.options = next.options ?? ({} as NonNullable<typeof next.options>);
    chart.update();
  });
  inject(DestroyRef).onDestroy(() => {
    chart?.destroy();
    chart = null;
  });
}
