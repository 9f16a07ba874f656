import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { TimeRangePickerComponent } from '../../shared/time-range/time-range-picker.component';
import { presetRange } from '../../shared/time-range/time-range';
import type { TimeRange } from '../../shared/time-range/time-range';
import { TeamAgentsTableComponent } from './team-agents-table.component';
import { TeamCoachesComponent } from './team-coaches.component';
import { TeamHeatmapComponent } from './team-heatmap.component';
import { DEFAULT_SORT, buildAgentRows, heatmapRules, nextSort, sortRows } from './team-rows';
import type { Sort, SortKey } from './team-rows';
import { TeamSummaryComponent } from './team-summary.component';
import { TeamData } from './team.data';
import type { TeamOverviewData, TeamSummary } from './team.data';
import { TEXTS } from './team.texts';
import { apiErrorMessage } from '../../shared/load-state/load-state';
import type { LoadState } from '../../shared/load-state/load-state';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';

type Loaded<T> = LoadState<{ data: T }>;

/**
 * The coach's start screen: one team over a window of call time — the team's figures, each
 * coach's supervisor availability, every agent's figures with their open coaching plan, and the
 * rule × agent heatmap.
 */
@Component({
  selector: 'dc-team-page',
  imports: [
    TranslatePipe,
    LoadStateComponent,
    TimeRangePickerComponent,
    TeamSummaryComponent,
    TeamCoachesComponent,
    TeamAgentsTableComponent,
    TeamHeatmapComponent,
  ],
  templateUrl: './team-page.component.html',
  styleUrl: './team-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPageComponent {
  private readonly data = inject(TeamData);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  /** `?team=<id>`: the team chosen, kept in the address so a reload or a shared link shows it again. */
  readonly team = input<string>();

  protected readonly teams = signal<Loaded<TeamSummary[]>>({ kind: 'loading' });
  protected readonly overview = signal<Loaded<TeamOverviewData>>({ kind: 'loading' });
  /** A newer window or team is on its way; the figures on screen are the previous ones. */
  protected readonly refreshing = signal(false);
  protected readonly range = signal<TimeRange>(presetRange('12w'));
  protected readonly sort = signal<Sort>(DEFAULT_SORT);

  protected readonly teamList = computed(() => {
    const teams = this.teams();
    return teams.kind === 'ready' ? teams.data : [];
  });
  /** The team asked for in the address when it is one of yours, else your first team. */
  protected readonly teamId = computed(() => {
    const list = this.teamList();
    const asked = this.team();
    return list.find((t) => t.id === asked)?.id ?? list[0]?.id ?? null;
  });
  protected readonly ready = computed(() => {
    const overview = this.overview();
    return overview.kind === 'ready' ? overview.data : null;
  });
  private readonly rows = computed(() => {
    const data = this.ready();
    return data ? buildAgentRows(data) : [];
  });
  protected readonly sortedRows = computed(() => sortRows(this.rows(), this.sort(), this.i18n.locale()));
  protected readonly rules = computed(() => {
    const data = this.ready();
    return data ? heatmapRules(data.activeRubric.criteria, data.teamOverview.matrix) : [];
  });

  private loadSeq = 0;

  constructor() {
    this.i18n.register(TEXTS);
    void this.loadTeams();
    effect(() => {
      const teamId = this.teamId();
      const range = this.range();
      const lang = this.i18n.gqlLang();
      if (teamId) untracked(() => void this.loadOverview(teamId, range, lang));
    });
  }

  async loadTeams(): Promise<void> {
    this.teams.set({ kind: 'loading' });
    try {
      this.teams.set({ kind: 'ready', data: await this.data.teams() });
    } catch (error) {
      this.teams.set({ kind: 'error', message: apiErrorMessage(this.i18n, error, 'team.loadError') });
    }
  }

  async reloadOverview(): Promise<void> {
    const teamId = this.teamId();
    if (teamId) await this.loadOverview(teamId, this.range(), this.i18n.gqlLang());
  }

  protected pickTeam(event: Event): void {
    const team = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { queryParams: { team }, queryParamsHandling: 'merge' });
  }

  protected sortBy(key: SortKey): void {
    this.sort.update((current) => nextSort(current, key));
  }

  private async loadOverview(teamId: string, range: TimeRange, lang: 'ES' | 'EN'): Promise<void> {
    const seq = ++this.loadSeq;
    if (this.overview().kind === 'ready') this.refreshing.set(true);
    else this.overview.set({ kind: 'loading' });
    try {
      const data = await this.data.overview({ teamId, from: range.from, to: range.to, lang });
      if (seq === this.loadSeq) this.overview.set({ kind: 'ready', data });
    } catch (error) {
      if (seq === this.loadSeq)
        this.overview.set({ kind: 'error', message: apiErrorMessage(this.i18n, error, 'team.loadError') });
    } finally {
      if (seq === this.loadSeq) this.refreshing.set(false);
    }
  }
}
