import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ApiError } from '../../core/api/graphql.client';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { EvaluationStatus } from '../../graphql-types';
import { toDayInput } from '../../shared/time-range/time-range';
import { EMPTY_FILTER, filterFromParams, filterToParams, toApiFilter } from './evaluations-filter';
import type { EvaluationsFilterForm } from './evaluations-filter';
import { EvaluationsData, STATUSES } from './evaluations.data';
import type { EvaluationRow, FilterOptions } from './evaluations.data';
import { TEXTS } from './evaluations.texts';
import { apiErrorMessage } from '../../shared/load-state/load-state';
import { PagedList } from '../../shared/paged-list/paged-list';
import { ListStatusComponent } from '../../shared/paged-list/list-status.component';
import type { FilteredListState } from '../../shared/paged-list/list-status.component';
import { LoadMoreComponent } from '../../shared/paged-list/load-more.component';

/**
 * The evaluations list: filters kept in the address (so coming back from an evaluation keeps
 * them), a page at a time, and the same selection as a CSV in the interface language.
 */
@Component({
  selector: 'dc-evaluations-page',
  imports: [TranslatePipe, RouterLink, ListStatusComponent, LoadMoreComponent],
  templateUrl: './evaluations-page.component.html',
  styleUrl: './evaluations-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvaluationsPageComponent {
  private readonly data = inject(EvaluationsData);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18nService);
  protected readonly statuses = STATUSES;
  protected readonly state = signal<FilteredListState>({ kind: 'loading' });
  protected readonly options = signal<FilterOptions>({ agents: [], teams: [] });
  private readonly params = toSignal(this.route.queryParamMap);
  protected readonly filter = computed(() => {
    const params = this.params();
    return params ? filterFromParams(params) : EMPTY_FILTER;
  });
  protected readonly filtered = computed(() => Object.keys(filterToParams(this.filter())).length > 0);
  protected readonly rangeInvalid = computed(() => {
    const f = this.filter();
    return !!f.fromDay && !!f.toDay && f.toDay < f.fromDay;
  });
  /** Agents of the chosen team only, so the two filters cannot contradict each other. */
  protected readonly agents = computed(() => {
    const teamId = this.filter().teamId;
    const agents = this.options().agents;
    return teamId ? agents.filter((a) => a.team?.id === teamId || a.id === this.filter().agentId) : agents;
  });
  protected readonly list = new PagedList<EvaluationRow>();
  protected readonly exporting = signal(false);
  protected readonly exportMessage = signal<{ ok: boolean; text: string } | null>(null);

  constructor() {
    this.i18n.register(TEXTS);
    effect(() => {
      this.filter();
      untracked(() => void this.load());
    });
    void this.loadOptions();
  }

  async load(): Promise<void> {
    const shows = this.filterKey();
    if (this.rangeInvalid()) {
      this.list.clear();
      this.state.set({ kind: 'ready', shows });
      return;
    }
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    const filter = toApiFilter(this.filter());
    // The rows on screen stay until the new filters' rows arrive (`shows` says which they are).
    const outcome = await this.list.reload(async (after) => (await this.data.page(filter, after)).evaluations, {
      keepRows: true,
    });
    if (outcome === 'done') this.state.set({ kind: 'ready', shows });
    if (outcome === 'failed')
      this.state.set({
        kind: 'error',
        message: apiErrorMessage(this.i18n, this.list.failure()?.error, 'evaluations.loadError'),
      });
  }

  protected change(patch: Partial<EvaluationsFilterForm>): void {
    const next = { ...this.filter(), ...patch };
    // Changing the team drops an agent who is not in it.
    if (patch.teamId !== undefined && next.agentId) {
      const agent = this.options().agents.find((a) => a.id === next.agentId);
      if (patch.teamId && agent?.team?.id !== patch.teamId) next.agentId = '';
    }
    this.exportMessage.set(null);
    void this.router.navigate([], { relativeTo: this.route, queryParams: filterToParams(next), replaceUrl: true });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected toggleStatus(status: EvaluationStatus): void {
    const statuses = this.filter().statuses;
    this.change({ statuses: statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status] });
  }

  protected clear(): void {
    this.exportMessage.set(null);
    void this.router.navigate([], { relativeTo: this.route, queryParams: {}, replaceUrl: true });
  }

  protected async exportCsv(): Promise<void> {
    this.exporting.set(true);
    this.exportMessage.set(null);
    const lang = this.i18n.lang();
    const fileName = `${this.i18n.t('evaluations.fileName')}-${toDayInput(new Date())}.csv`;
    try {
      await this.data.exportCsv(toApiFilter(this.filter()), lang, fileName);
      this.exportMessage.set({ ok: true, text: this.i18n.t('evaluations.exported') });
    } catch (error) {
      const message =
        !(error instanceof ApiError) || error.code === 'NETWORK'
          ? this.i18n.t('error.network')
          : error.code === 'FORBIDDEN'
            ? this.i18n.t('error.forbidden')
            : error.message;
      this.exportMessage.set({ ok: false, text: this.i18n.t('evaluations.exportError', { message }) });
    } finally {
      this.exporting.set(false);
    }
  }

  /** The filters as the address writes them: which selection the rows on screen belong to. */
  protected filterKey(): string {
    return new URLSearchParams(filterToParams(this.filter())).toString();
  }

  protected shows(): string | null {
    const state = this.state();
    return state.kind === 'ready' ? state.shows : null;
  }

  private async loadOptions(): Promise<void> {
    try {
      this.options.set(await this.data.filterOptions());
    } catch {
      // Without them the agent and team filters offer only "all"; the list still loads.
    }
  }
}
