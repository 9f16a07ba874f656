import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { MISSING, formatPercent, formatScore, trendView } from './team-format';
import type { AgentRow, Sort, SortKey } from './team-rows';
import type { OpenPlan } from './team.data';
import { TEXTS } from './team.texts';

interface Column {
  key: SortKey | null;
  label: string;
  numeric: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'team.col.name', numeric: false },
  { key: 'count', label: 'team.col.count', numeric: true },
  { key: 'score', label: 'team.col.score', numeric: true },
  { key: 'trend', label: 'team.col.trend', numeric: true },
  { key: 'consistency', label: 'team.col.consistency', numeric: true },
  { key: 'weakest', label: 'team.col.weakest', numeric: false },
  { key: 'critical', label: 'team.col.critical', numeric: true },
  { key: 'resolution', label: 'team.col.resolution', numeric: true },
  { key: null, label: 'team.col.plan', numeric: false },
];

/** The agents of the team, one row each, sortable by every figure (the page keeps the order). */
@Component({
  selector: 'dc-team-agents-table',
  imports: [TranslatePipe, RouterLink],
  templateUrl: './team-agents-table.component.html',
  styleUrls: ['./team-table-scroll.css', './team-agents-table.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamAgentsTableComponent {
  protected readonly i18n = inject(I18nService);
  readonly rows = input.required<AgentRow[]>();
  readonly sort = input.required<Sort>();
  readonly sortChange = output<SortKey>();
  protected readonly columns = COLUMNS;
  protected readonly missing = MISSING;

  constructor() {
    this.i18n.register(TEXTS);
  }

  protected ariaSort(key: SortKey | null): 'ascending' | 'descending' | null {
    const sort = this.sort();
    if (key === null || sort.key !== key) return null;
    return sort.dir === 'asc' ? 'ascending' : 'descending';
  }

  protected score(value: number | null): string {
    return formatScore(this.i18n, value);
  }

  protected percent(rate: number | null): string {
    return formatPercent(this.i18n, rate);
  }

  protected trend(value: number | null) {
    return trendView(this.i18n, value);
  }

  protected planLabel(plan: OpenPlan): string {
    return this.i18n.t('team.planLink', {
      codes: plan.focusCodes.join(', '),
      due: this.planDue(plan),
    });
  }

  protected planDue(plan: OpenPlan): string {
    const key = plan.status === 'OVERDUE' ? 'team.planDuePast' : 'team.planDue';
    return this.i18n.t(key, { date: this.shortDate(plan.dueDate) });
  }

  protected weakestLabel(row: AgentRow): string {
    const w = row.weakest!;
    return this.i18n.t('team.weakestLabel', { code: w.code, title: w.title, mean: this.score(w.mean) });
  }

  /** A plan's due day (a calendar date, so read as such, not shifted by the time zone). */
  private shortDate(day: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );
  }
}
