import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { LEGEND_STEPS, heatColor } from './heat-scale';
import { MISSING, formatScore } from './team-format';
import type { HeatmapRule } from './team-rows';
import type { MatrixCell } from './team.data';
import { TEXTS } from './team.texts';

/**
 * The criterion × agent heatmap: the rules as rows (ten of them read down the page), the agents
 * as columns in the table's order, each cell the rule's mean answer 0–4 on a red → green scale.
 */
@Component({
  selector: 'dc-team-heatmap',
  imports: [TranslatePipe, RouterLink],
  templateUrl: './team-heatmap.component.html',
  styleUrls: ['./team-table-scroll.css', './team-heatmap.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamHeatmapComponent {
  protected readonly i18n = inject(I18nService);
  readonly rules = input.required<HeatmapRule[]>();
  readonly agents = input.required<ReadonlyArray<{ id: string; name: string }>>();
  readonly matrix = input.required<MatrixCell[]>();
  protected readonly legend = LEGEND_STEPS;
  protected readonly missing = MISSING;
  protected readonly color = heatColor;

  private readonly cells = computed(() => new Map(this.matrix().map((cell) => [`${cell.code}|${cell.agentId}`, cell])));

  constructor() {
    this.i18n.register(TEXTS);
  }

  protected cell(code: string, agentId: string): MatrixCell | undefined {
    return this.cells().get(`${code}|${agentId}`);
  }

  protected mean(value: number): string {
    return formatScore(this.i18n, value);
  }

  protected cellTitle(agent: { name: string }, code: string, cell: MatrixCell | undefined): string {
    return cell
      ? this.i18n.t('team.cellLabel', { agent: agent.name, code, mean: this.mean(cell.mean), n: cell.count })
      : this.i18n.t('team.cellEmpty', { agent: agent.name, code });
  }
}
