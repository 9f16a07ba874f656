import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { formatPercent, formatScore, trendView } from './team-format';
import type { TeamFigures } from './team.data';
import { TEXTS } from './team.texts';

/** The team's own figures over all its agents' evaluations, as a strip of cards. */
@Component({
  selector: 'dc-team-summary',
  imports: [TranslatePipe],
  template: `
    <dl class="strip" data-testid="team-summary">
      <div class="card main">
        <dt>{{ 'team.mean' | t }}</dt>
        <dd>
          <span class="big" data-testid="team-mean">{{ score(f().meanScore) }}</span>
          @if (f().marginOfError !== null) {
            <span class="margin"> ± {{ score(f().marginOfError) }}</span>
          }
          <span class="n">({{ 'team.n' | t: { n: f().evaluationCount } }})</span>
        </dd>
        <dd class="hint">{{ 'team.meanHint' | t }}</dd>
      </div>
      <div class="card">
        <dt>{{ 'team.consistency' | t }}</dt>
        <dd>
          <span class="big">{{ score(f().consistency) }}</span>
        </dd>
        <dd class="hint">{{ 'team.consistencyHint' | t }}</dd>
      </div>
      <div class="card">
        <dt>{{ 'team.trend' | t }}</dt>
        <dd>
          @if (trend(); as t) {
            <span class="big trend" [class]="t.direction">
              <span aria-hidden="true">{{ t.arrow }} {{ t.text }}</span>
              <span class="visually-hidden">{{ t.label }}</span>
            </span>
          } @else {
            <span class="big">—</span>
          }
        </dd>
        <dd class="hint">{{ (trend() ? 'team.trendHint' : 'team.trend.none') | t }}</dd>
      </div>
      <div class="card">
        <dt>{{ 'team.critical' | t }}</dt>
        <dd>
          <span class="big" [class.alert]="(f().criticalFailureRate ?? 0) > 0">{{ percent(f().criticalFailureRate) }}</span>
        </dd>
        <dd class="hint">{{ 'team.criticalHint' | t }}</dd>
      </div>
      <div class="card">
        <dt>{{ 'team.resolution' | t }}</dt>
        <dd>
          <span class="big">{{ percent(f().resolutionRate) }}</span>
        </dd>
        <dd class="hint">{{ 'team.resolutionHint' | t }}</dd>
      </div>
      <div class="card">
        <dt>{{ 'team.supervisor' | t }}</dt>
        <dd>
          <span class="big">{{ percent(f().supervisorAvailability) }}</span>
        </dd>
        <dd class="hint">
          {{ (f().supervisorAvailability === null ? 'team.noSupervisorRequests' : 'team.supervisorHint') | t }}
        </dd>
      </div>
    </dl>
  `,
  styles: `
    .strip {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 0.75rem;
      margin: 0;
    }
    .card {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 10px;
      padding: 0.7rem 0.9rem;
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
    }
    .card.main {
      grid-column: span 2;
      border-color: var(--primary-soft);
      background: linear-gradient(180deg, #eff6ff, var(--surface));
    }
    dt {
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--muted);
      text-transform: uppercase;
      letter-spacing: 0.02em;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .big {
      font-size: 1.45rem;
      font-weight: 750;
    }
    .main .big {
      font-size: 1.9rem;
      color: var(--primary-strong);
    }
    .margin {
      font-size: 1.1rem;
      font-weight: 600;
      color: var(--primary-strong);
    }
    .n {
      margin-left: 0.35rem;
      color: var(--muted);
    }
    .hint {
      font-size: 0.8rem;
      color: var(--muted);
    }
    .trend.up {
      color: #047857;
    }
    .trend.down,
    .alert {
      color: var(--danger);
    }
    .trend.flat {
      color: var(--muted);
    }
    /* Two even rows of three at tablet width: no card left alone on a row. */
    @media (max-width: 800px) {
      .strip {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
      .card.main {
        grid-column: auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamSummaryComponent {
  private readonly i18n = inject(I18nService);
  readonly figures = input.required<TeamFigures>();
  protected readonly f = this.figures;
  protected readonly trend = computed(() => trendView(this.i18n, this.figures().trendPerWeek));

  constructor() {
    this.i18n.register(TEXTS);
  }

  protected score(value: number | null): string {
    return formatScore(this.i18n, value);
  }

  protected percent(rate: number | null): string {
    return formatPercent(this.i18n, rate);
  }
}
