import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { PeopleData } from './people.data';
import type { Coach, TeamWithPeople } from './people.data';
import { TEXTS } from './people.texts';
import { TeamFormComponent } from './team-form.component';
import { apiErrorMessage } from '../../../shared/load-state/load-state';
import type { LoadState } from '../../../shared/load-state/load-state';
import { LoadStateComponent } from '../../../shared/load-state/load-state.component';

type State = LoadState<{ teams: TeamWithPeople[]; coaches: Coach[] }>;
type Editor = { mode: 'create' } | { mode: 'edit'; team: TeamWithPeople };

/** Teams with their agents and coaches; create a team, rename it, change its coaches. */
@Component({
  selector: 'dc-teams-page',
  imports: [TranslatePipe, LoadStateComponent, TeamFormComponent],
  template: `
    <header class="page-head">
      <div>
        <h1>{{ 'people.teams.title' | t }}</h1>
        <p class="intro">{{ 'people.teams.intro' | t }}</p>
      </div>
      @if (editor()?.mode !== 'create' && state().kind === 'ready') {
        <button type="button" class="primary" data-testid="new-team" (click)="notice.set(null); editor.set({ mode: 'create' })">
          + {{ 'people.teams.new' | t }}
        </button>
      }
    </header>
    @if (notice(); as message) {
      <p class="notice" role="status" data-testid="notice">{{ message }}</p>
    }
    @if (editor(); as e) {
      <dc-team-form
        [team]="e.mode === 'edit' ? e.team : null"
        [coaches]="coachChoices()"
        (saved)="onSaved($event)"
        (cancelled)="editor.set(null)"
      />
    }
    @switch (state().kind) {
      @default {
        <dc-load-state [state]="state()" (retry)="load()" />
      }
      @case ('ready') {
        <div class="cards">
          @for (team of teams(); track team.id) {
            <article class="card" data-testid="team-card" [attr.data-name]="team.name" [attr.aria-labelledby]="'team-' + team.id">
              <header>
                <h2 [id]="'team-' + team.id">{{ team.name }}</h2>
                <button
                  type="button"
                  class="link"
                  data-testid="edit-team"
                  [attr.aria-label]="'people.teams.editTitle' | t: { name: team.name }"
                  (click)="edit(team)"
                >
                  {{ 'people.edit' | t }}
                </button>
              </header>
              <h3>{{ 'people.teams.coaches' | t }}</h3>
              @if (team.coaches.length) {
                <ul class="people" data-testid="team-coaches">
                  @for (coach of team.coaches; track coach.id) {
                    <li [class.off]="!coach.active">{{ coach.name }}</li>
                  }
                </ul>
              } @else {
                <p class="muted small">{{ 'people.teams.noCoaches' | t }}</p>
              }
              <h3>{{ 'people.teams.agents' | t: { count: team.agents.length } }}</h3>
              @if (team.agents.length) {
                <ul class="people">
                  @for (agent of team.agents; track agent.id) {
                    <li [class.off]="!agent.active">
                      {{ agent.name }}
                      @if (!agent.active) {
                        <span class="visually-hidden">({{ 'people.inactive' | t }})</span>
                      }
                    </li>
                  }
                </ul>
              } @else {
                <p class="muted small">{{ 'people.teams.noAgents' | t }}</p>
              }
            </article>
          } @empty {
            <p class="empty">{{ 'people.teams.empty' | t }}</p>
          }
        </div>
      }
    }
  `,
  styleUrl: './people-page.css',
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
      gap: 1rem;
    }
    .card {
      padding: 0.9rem 1.1rem 1rem;
    }
    .card header {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 0.5rem;
      border-bottom: 1px solid var(--border);
      padding-bottom: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .card h2 {
      margin: 0;
      font-size: 1.15rem;
    }
    .card h3 {
      margin: 0.7rem 0 0.3rem;
      font-size: 0.78rem;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: var(--muted);
    }
    .people {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
    }
    .people li {
      background: #f1f5f9;
      border: 1px solid var(--border);
      border-radius: 999px;
      padding: 0.1rem 0.6rem;
      font-size: 0.85rem;
    }
    .people li.off {
      color: var(--muted);
      text-decoration: line-through;
    }
    .small {
      font-size: 0.88rem;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamsPageComponent {
  private readonly data = inject(PeopleData);
  private readonly i18n = inject(I18nService);
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly editor = signal<Editor | null>(null);
  protected readonly notice = signal<string | null>(null);

  protected readonly teams = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.teams : [];
  });

  /** Active coaches, plus any inactive one still on the team being edited (so unticking them is possible). */
  protected readonly coachChoices = computed(() => {
    const state = this.state();
    if (state.kind !== 'ready') return [];
    const editor = this.editor();
    const current = editor?.mode === 'edit' ? new Set(editor.team.coaches.map((c) => c.id)) : new Set<string>();
    return state.coaches.filter((c) => c.active || current.has(c.id));
  });

  constructor() {
    this.i18n.register(TEXTS);
    void this.load();
  }

  async load(): Promise<void> {
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      const result = await this.data.teams();
      this.state.set({ kind: 'ready', teams: result.teams, coaches: result.coaches });
    } catch (error) {
      this.state.set({ kind: 'error', message: apiErrorMessage(this.i18n, error, 'people.teams.loadError') });
    }
  }

  protected edit(team: TeamWithPeople): void {
    this.notice.set(null);
    this.editor.set({ mode: 'edit', team });
    window.scrollTo({ top: 0 });
  }

  protected async onSaved(name: string): Promise<void> {
    const creating = this.editor()?.mode === 'create';
    this.editor.set(null);
    // Said once the list shows it.
    await this.load();
    this.notice.set(this.i18n.t(creating ? 'people.teams.saved.created' : 'people.teams.saved.updated', { name }));
  }
}
