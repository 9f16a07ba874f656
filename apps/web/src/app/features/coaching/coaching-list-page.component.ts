import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { reloadOnLanguage } from '../../core/i18n/reload-on-language';
import type { TextKey } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { CoachingPlanStatus, CoachingPlansQuery } from '../../graphql-types';
import { formatSigned } from '../../shared/format/format';
import { CoachingData, PLAN_STATUSES } from './coaching.data';
import type { PlanRow } from './coaching.data';
import { TEXTS } from './coaching.texts';
import { apiErrorMessage } from '../../shared/load-state/load-state';
import type { LoadState } from '../../shared/load-state/load-state';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';

type State = LoadState<{ data: CoachingPlansQuery }>;

/** The coaching plans of the coach's teams (all for admins), filterable by status; overdue ones stand out. */
@Component({
  selector: 'dc-coaching-list-page',
  imports: [TranslatePipe, LoadStateComponent, RouterLink],
  template: `
    <header class="head">
      <div>
        <h1>{{ 'coaching.list.title' | t }}</h1>
        <p class="muted">{{ 'coaching.list.intro' | t }}</p>
      </div>
      <div class="tools">
        <label for="status-filter">{{ 'coaching.list.filter' | t }}</label>
        <select id="status-filter" data-testid="plan-status-filter" [value]="status() ?? ''" (change)="pick($event)">
          <option value="">{{ 'coaching.list.all' | t }}</option>
          @for (s of statuses; track s) {
            <option [value]="s">{{ statusKey(s) | t }}</option>
          }
        </select>
        <a class="button primary" routerLink="/coaching/new" data-testid="new-plan">{{ 'coaching.list.new' | t }}</a>
      </div>
    </header>
    @switch (state().kind) {
      @default {
        <dc-load-state [state]="state()" (retry)="load()" />
      }
      @case ('ready') {
        @if (overdue() > 0 && status() !== 'OVERDUE') {
          <p class="warning" role="status">{{ 'coaching.list.overdueCount' | t: { count: overdue() } }}</p>
        }
        @if (plans().length) {
          <div class="table-wrap">
            <table data-testid="plans-table">
              <thead>
                <tr>
                  <th scope="col">{{ 'coaching.col.agent' | t }}</th>
                  <th scope="col">{{ 'coaching.col.focus' | t }}</th>
                  <th scope="col" class="num">{{ 'coaching.col.target' | t }}</th>
                  <th scope="col" class="num">{{ 'coaching.col.progress' | t }}</th>
                  <th scope="col">{{ 'coaching.col.due' | t }}</th>
                  <th scope="col">{{ 'coaching.col.status' | t }}</th>
                  <th scope="col">
                    <span class="visually-hidden">{{ 'coaching.col.open' | t }}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                @for (plan of plans(); track plan.id) {
                  <tr data-testid="plan-row" [attr.data-status]="plan.status" [class.overdue]="plan.status === 'OVERDUE'">
                    <td>
                      <a [routerLink]="['/agents', plan.agent.id]">{{ plan.agent.name }}</a>
                    </td>
                    <td>
                      <ul class="rules">
                        @for (code of plan.focusCodes; track code) {
                          <li>
                            <strong>{{ code }}</strong> {{ title(code) }}
                          </li>
                        }
                      </ul>
                    </td>
                    <td class="num">{{ i18n.formatNumber(plan.targetFocusScore, 1) }}</td>
                    <td class="num">
                      {{ score(plan.baseline) }} → {{ score(plan.current) }}
                      @if (plan.delta !== null) {
                        <span [class.up]="plan.delta > 0" [class.down]="plan.delta < 0">({{ signed(plan.delta) }})</span>
                      }
                    </td>
                    <td class="date">{{ day(plan.dueDate) }}</td>
                    <td>
                      <span class="badge" [attr.data-status]="plan.status">{{ statusKey(plan.status) | t }}</span>
                    </td>
                    <td>
                      <a
                        [routerLink]="['/coaching', plan.id]"
                        data-testid="open-plan"
                        [attr.aria-label]="'coaching.open' | t: { name: plan.agent.name }"
                        >{{ 'coaching.col.open' | t }}</a
                      >
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p class="empty">{{ 'coaching.list.empty' | t }}</p>
        }
      }
    }
  `,
  styleUrls: ['../../shared/styles/screen.css', './coaching.css'],
  styles: `
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.6rem;
    }
    .rules {
      list-style: none;
      margin: 0;
      padding: 0;
      min-width: 16rem;
    }
    .date,
    td:first-child {
      white-space: nowrap;
    }
    .warning {
      background: #fffbeb;
      border: 1px solid #fcd34d;
      border-radius: 8px;
      padding: 0.6rem 0.9rem;
      color: #92400e;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoachingListPageComponent {
  private readonly data = inject(CoachingData);
  protected readonly i18n = inject(I18nService);
  protected readonly statuses = PLAN_STATUSES;
  protected readonly status = signal<CoachingPlanStatus | null>(null);
  protected readonly state = signal<State>({ kind: 'loading' });

  protected readonly plans = computed<PlanRow[]>(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.data.coachingPlans : [];
  });
  protected readonly overdue = computed(() => this.plans().filter((p) => p.status === 'OVERDUE').length);
  private readonly titles = computed(() => {
    const state = this.state();
    return new Map(state.kind === 'ready' ? state.data.activeRubric.criteria.map((c) => [c.code, c.title]) : []);
  });

  constructor() {
    this.i18n.register(TEXTS);
    reloadOnLanguage(this.i18n, this.status, (value, lang) => this.load(value, lang));
  }

  async load(status = this.status(), lang: 'ES' | 'EN' = this.i18n.gqlLang()): Promise<void> {
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      const data = await this.data.plans(status, lang);
      if (status === this.status()) this.state.set({ kind: 'ready', data });
    } catch (error) {
      this.state.set({ kind: 'error', message: apiErrorMessage(this.i18n, error, 'coaching.list.loadError') });
    }
  }

  protected pick(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.status.set(value ? (value as CoachingPlanStatus) : null);
  }

  protected title(code: string): string {
    return this.titles().get(code) ?? '';
  }

  protected statusKey(status: string): TextKey {
    return `coaching.status.${status}`;
  }

  protected score(value: number | null): string {
    return value === null ? '—' : this.i18n.formatNumber(value, 1);
  }

  protected signed(value: number): string {
    return formatSigned(value, this.i18n.locale());
  }

  protected day(value: string): string {
    return this.i18n.formatDate(`${value}T12:00:00`);
  }
}
