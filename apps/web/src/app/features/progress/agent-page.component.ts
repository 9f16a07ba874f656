import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FileDownloader } from '../../core/api/download';
import { ApiError } from '../../core/api/graphql.client';
import { SessionService } from '../../core/auth/session.service';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TextKey } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { BarChartComponent } from '../../shared/charts/bar-chart.component';
import type { ChartSeries } from '../../shared/charts/chart-series';
import { LineChartComponent } from '../../shared/charts/line-chart.component';
import type { LineSeries } from '../../shared/charts/line-chart.component';
import { TimeRangePickerComponent } from '../../shared/time-range/time-range-picker.component';
import { presetRange } from '../../shared/time-range/time-range';
import type { TimeRange } from '../../shared/time-range/time-range';
import { COACHING_PLAN_TEXTS } from '../../shared/coaching-plan/coaching-plan.texts';
import { formatPercent, formatSigned, formatWeek } from '../../shared/format/format';
import { ProgressData } from './progress.data';
import type { AgentEvaluation, AgentPage, AgentPlan } from './progress.data';
import { TEXTS } from './progress.texts';
import { planBand, trendDirection, valuesByWeek, weekAxis } from './weekly-series';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { EvaluationListComponent } from '../../shared/evaluation-list/evaluation-list.component';
import type { EvaluationListTexts } from '../../shared/evaluation-list/evaluation-list.component';
import { PagedList } from '../../shared/paged-list/paged-list';

type State =
  { kind: 'loading' } | { kind: 'error'; message: string; retry: boolean } | { kind: 'ready'; data: AgentPage; range: TimeRange };

/** One figure card: its value (or why there is none) and what it means. */
interface Figure {
  id: string;
  label: TextKey;
  hint: TextKey;
  value: string | null;
  /** Shown smaller after the value (the sample size, the unit). */
  extra?: string;
  reason: TextKey | null;
  tone?: 'up' | 'down' | 'flat';
}

const COLORS = { agent: '#1d4ed8', team: '#94a3b8', target: '#047857' };
const EVALUATION_TEXTS: EvaluationListTexts = {
  date: 'progress.col.date',
  call: 'progress.col.call',
  evaluator: 'progress.col.evaluator',
  score: 'progress.col.score',
  status: 'progress.col.status',
  statusOf: (status) => `progress.status.${status}`,
  critical: 'progress.criticalMark',
  empty: 'progress.noEvaluations',
  error: 'progress.evaluationsError',
  more: 'progress.more',
};
/** A plan still running, whose goal the weekly chart shows. */
const isOpen = (plan: AgentPlan) => plan.status === 'ACTIVE' || plan.status === 'OVERDUE';

/**
 * An agent's page: figures of docs/rubric.md#figures-over-a-window over a window of call time, the
 * weekly score against the open plan's goal, the ten rules against the team, the evaluations and
 * the coaching plans.
 */
@Component({
  selector: 'dc-agent-page',
  imports: [
    TranslatePipe,
    LoadStateComponent,
    RouterLink,
    TimeRangePickerComponent,
    LineChartComponent,
    BarChartComponent,
    EvaluationListComponent,
  ],
  templateUrl: './agent-page.component.html',
  styleUrls: ['../../shared/styles/screen.css', './agent-page.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentPageComponent {
  private readonly data = inject(ProgressData);
  private readonly downloader = inject(FileDownloader);
  protected readonly session = inject(SessionService);
  protected readonly i18n = inject(I18nService);
  /** Route parameter: a user id, or `me` for the signed-in agent. */
  readonly id = input.required<string>();

  protected readonly agentId = computed(() => (this.id() === 'me' ? (this.session.user()?.id ?? null) : this.id()));
  protected readonly range = signal<TimeRange>(presetRange('12w'));
  protected readonly state = signal<State>({ kind: 'loading' });
  /** The agent's evaluations in the chosen window. */
  protected readonly evaluations = new PagedList<AgentEvaluation>();
  protected readonly evaluationTexts = EVALUATION_TEXTS;
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  /** Calls are linked for those who read them. */
  protected readonly isStaff = computed(() => this.session.may('calls.read'));
  protected readonly mayCoach = computed(() => this.session.may('coaching.manage'));

  protected readonly page = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state : null;
  });
  protected readonly openPlan = computed(() => this.page()?.data.coachingPlans.find(isOpen) ?? null);
  private readonly titles = computed(() => new Map(this.page()?.data.activeRubric.criteria.map((c) => [c.code, c.title]) ?? []));

  protected readonly figures = computed<Figure[]>(() => {
    const p = this.page()?.data.agentProgress;
    if (!p) return [];
    const locale = this.i18n.locale();
    const one = (v: number) => this.i18n.formatNumber(v, 1);
    const n = p.evaluationCount;
    const mean =
      p.meanScore === null ? null : p.marginOfError === null ? one(p.meanScore) : `${one(p.meanScore)} ± ${one(p.marginOfError)}`;
    const trend = p.trendPerWeek;
    return [
      {
        id: 'mean',
        label: 'progress.mean',
        hint: 'progress.meanHint',
        value: mean,
        extra: `(n=${n})`,
        reason: p.meanScore !== null && p.marginOfError === null ? 'progress.meanNoMargin' : null,
      },
      {
        id: 'consistency',
        label: 'progress.consistency',
        hint: 'progress.consistencyHint',
        value: p.consistency === null ? null : one(p.consistency),
        reason: p.consistency === null ? 'progress.needs2' : null,
      },
      {
        id: 'trend',
        label: 'progress.trend',
        hint: 'progress.trendHint',
        value: trend === null ? null : formatSigned(trend, locale),
        extra: this.i18n.t('progress.trendUnit'),
        reason: trend === null ? 'progress.needs3' : null,
        tone: trend === null ? undefined : trendDirection(trend),
      },
      {
        id: 'critical',
        label: 'progress.critical',
        hint: 'progress.criticalHint',
        value: p.criticalFailureRate === null ? null : formatPercent(p.criticalFailureRate, locale),
        reason: p.criticalFailureRate === null ? 'progress.noData' : null,
      },
      {
        id: 'resolution',
        label: 'progress.resolution',
        hint: 'progress.resolutionHint',
        value: p.resolutionRate === null ? null : formatPercent(p.resolutionRate, locale),
        reason: p.resolutionRate === null ? 'progress.noData' : null,
      },
      {
        id: 'supervisor',
        label: 'progress.supervisor',
        hint: 'progress.supervisorHint',
        value: p.supervisorAvailability === null ? null : formatPercent(p.supervisorAvailability, locale),
        reason: p.supervisorAvailability === null ? 'progress.noneRequested' : null,
      },
    ];
  });

  /** The weekly chart: every week of the window, the mean score, and the open plan's goal band. */
  protected readonly weekly = computed(() => {
    const page = this.page();
    if (!page) return null;
    const { weeks } = page.data.agentProgress;
    const axis = weekAxis(
      page.range.from,
      page.range.to,
      weeks.map((w) => w.weekStart),
    );
    const series: LineSeries[] = [
      {
        label: this.i18n.t('progress.weeklySeries'),
        data: valuesByWeek(
          axis,
          weeks.map((w) => ({ weekStart: w.weekStart, value: w.meanScore })),
        ),
        color: COLORS.agent,
      },
    ];
    const plan = this.openPlan();
    if (plan)
      series.push({
        label: this.i18n.t('progress.targetBand', {
          codes: plan.focusCodes.join(', '),
          target: this.i18n.formatNumber(plan.targetFocusScore, 1),
        }),
        data: planBand(axis, plan),
        color: COLORS.target,
        band: true,
      });
    const locale = this.i18n.locale();
    return { labels: axis.map((w) => formatWeek(w, locale)), series };
  });

  /** The ten rules of the active rubric: the agent's and the team's criterion means, as percent. */
  protected readonly rules = computed(() => {
    const page = this.page();
    if (!page) return null;
    const { agentProgress: p, activeRubric } = page.data;
    const codes = activeRubric.criteria.map((c) => c.code);
    const percentOf = (stats: ReadonlyArray<{ code: string; percent: number }>) => {
      const byCode = new Map(stats.map((s) => [s.code, s.percent]));
      return codes.map((code) => byCode.get(code) ?? null);
    };
    const series: ChartSeries[] = [{ label: p.agent.name, data: percentOf(p.criteria), color: COLORS.agent }];
    // Withheld by the API when too few colleagues were evaluated in the period (docs/rubric.md
    // § "Team comparison"): no team bars then, and the page says why.
    const teamSuppressed = p.teamComparisonSuppressed;
    if (!teamSuppressed)
      series.push({ label: this.i18n.t('progress.teamSeries'), data: percentOf(p.teamCriteria), color: COLORS.team });
    return { labels: codes, descriptions: activeRubric.criteria.map((c) => `${c.code} · ${c.title}`), series, teamSuppressed };
  });

  constructor() {
    const i18n = inject(I18nService);
    i18n.register(TEXTS);
    i18n.register(COACHING_PLAN_TEXTS);
    effect(() => {
      const agentId = this.agentId();
      const range = this.range();
      const lang = this.i18n.gqlLang();
      if (agentId) untracked(() => void this.load(agentId, range, lang));
    });
  }

  async load(agentId = this.agentId(), range = this.range(), lang: 'ES' | 'EN' = this.i18n.gqlLang()): Promise<void> {
    if (!agentId) return;
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    void this.evaluations.reload(async (after) => {
      const { evaluations } = await this.data.evaluations(agentId, range.from, range.to, after);
      return evaluations;
    });
    try {
      const data = await this.data.page(agentId, range.from, range.to, lang);
      // A slower answer for an older choice must not replace the current one.
      if (agentId !== this.agentId() || range !== this.range()) return;
      this.state.set({ kind: 'ready', data, range });
    } catch (error) {
      this.state.set(this.failure(error));
    }
  }

  /** Trying again cannot help when the agent is not found or not the coach's. */
  protected canRetry(): boolean {
    const state = this.state();
    return state.kind !== 'error' || state.retry;
  }

  private failure(error: unknown): State {
    if (error instanceof ApiError && error.code === 'FORBIDDEN')
      return { kind: 'error', message: this.i18n.t('progress.forbidden'), retry: false };
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT'))
      return { kind: 'error', message: this.i18n.t('progress.notFound'), retry: false };
    const network = error instanceof ApiError && error.code === 'NETWORK';
    return { kind: 'error', message: this.i18n.t(network ? 'error.network' : 'progress.loadError'), retry: true };
  }

  protected async exportCsv(): Promise<void> {
    const page = this.page();
    if (!page) return;
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      const agent = page.data.agentProgress.agent;
      const slug = agent.name
        .normalize('NFD')
        .replace(/[^\w]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase();
      await this.downloader.download(
        '/api/exports/progress.csv',
        { agentId: agent.id, from: page.range.from, to: page.range.to, lang: this.i18n.lang() },
        `progress-${slug}.csv`,
      );
    } catch (error) {
      const message = error instanceof ApiError && error.code !== 'NETWORK' ? error.message : this.i18n.t('error.network');
      this.exportError.set(this.i18n.t('progress.exportError', { message }));
    } finally {
      this.exporting.set(false);
    }
  }

  protected title(code: string): string {
    return this.titles().get(code) ?? code;
  }

  protected rulesOf(plan: AgentPlan): string {
    return plan.focusCodes.map((code) => `${code} · ${this.title(code)}`).join('; ');
  }

  /** A calendar day (`yyyy-mm-dd`) in the locale; noon keeps it on the same day in any time zone. */
  protected day(value: string): string {
    return this.i18n.formatDate(`${value}T12:00:00`);
  }

  protected planStatusKey(status: string): TextKey {
    return `coaching.status.${status}`;
  }
}
