import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { formatPercent } from './team-format';
import type { CoachFigure } from './team.data';
import { TEXTS } from './team.texts';

/**
 * Supervisor availability of each coach of the team (docs/rubric.md#supervisor-availability), as
 * the API computes it: over every team the coach leads, so a coach of two teams says so beside the
 * name.
 */
@Component({
  selector: 'dc-team-coaches',
  imports: [TranslatePipe],
  template: `
    @if (coaches().length) {
      <div class="table-wrap" role="region" tabindex="0" [attr.aria-label]="'team.coaches' | t">
        <table data-testid="coach-availability">
          <caption class="visually-hidden">
            {{
              'team.coachesCaption' | t
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'team.col.coach' | t }}</th>
              <th scope="col" class="num">{{ 'team.col.availability' | t }}</th>
              <th scope="col">{{ 'team.col.requests' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (c of coaches(); track c.coach.id) {
              <tr data-testid="coach-row" [attr.data-coach-id]="c.coach.id">
                <th scope="row" class="name">
                  <span data-testid="coach-name">{{ c.coach.name }}</span>
                  @if (c.teamCount > 1) {
                    <span class="teams" data-testid="coach-teams" [attr.title]="'team.acrossTeamsLabel' | t: { n: c.teamCount }">
                      <span aria-hidden="true">{{ 'team.acrossTeams' | t: { n: c.teamCount } }}</span>
                      <span class="visually-hidden">{{ 'team.acrossTeamsLabel' | t: { n: c.teamCount } }}</span>
                    </span>
                  }
                </th>
                <td class="num">
                  <span class="rate" data-testid="coach-rate" [attr.data-rate]="c.supervisorAvailability">{{
                    percent(c.supervisorAvailability)
                  }}</span>
                </td>
                <td>
                  @if (c.requested > 0) {
                    <span data-testid="coach-requests">{{ requests(c) }}</span>
                  } @else {
                    <span class="muted" data-testid="coach-no-requests">{{ 'team.noSupervisorRequests' | t }}</span>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else {
      <p class="none" data-testid="coach-availability-empty">{{ 'team.noCoaches' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 46rem;
    }
    .table-wrap {
      /* Positioned, so the screen-reader-only texts inside stay inside the scrolling box. */
      position: relative;
    }
    /* The row headings are th: the shared rule drops only the last row's td borders. */
    tbody tr:last-child > * {
      border-bottom: 0;
    }
    .name {
      font-weight: 600;
    }
    .teams {
      margin-left: 0.5rem;
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--primary-strong);
      background: var(--primary-soft);
      border-radius: 999px;
      padding: 0.05rem 0.5rem;
      white-space: nowrap;
      cursor: help;
    }
    .rate {
      font-weight: 700;
      font-size: 1.05rem;
    }
    .none {
      margin: 0;
      color: var(--muted);
      background: var(--surface);
      border: 1px dashed var(--border-strong);
      border-radius: 10px;
      padding: 0.9rem 1.1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamCoachesComponent {
  private readonly i18n = inject(I18nService);
  readonly coaches = input.required<readonly CoachFigure[]>();

  constructor() {
    this.i18n.register(TEXTS);
  }

  protected percent(rate: number | null): string {
    return formatPercent(this.i18n, rate);
  }

  /** "3 de 4 peticiones", in the locale's number format. */
  protected requests(c: CoachFigure): string {
    const provided = this.i18n.formatNumber(c.provided);
    if (c.requested === 1) return this.i18n.t('team.requestsOfOne', { provided });
    return this.i18n.t('team.requestsOf', { provided, requested: this.i18n.formatNumber(c.requested) });
  }
}
