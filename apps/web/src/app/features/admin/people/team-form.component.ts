import type { OnInit } from '@angular/core';
import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output, signal } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { placeApiError } from './field-errors';
import type { FieldErrors } from './field-errors';
import { PeopleData } from './people.data';
import type { Coach, TeamWithPeople } from './people.data';
import { TEXTS } from './people.texts';

/** Creates a team or edits one: its name and the full list of its coaches. */
@Component({
  selector: 'dc-team-form',
  imports: [TranslatePipe],
  template: `
    <form class="panel" novalidate (submit)="$event.preventDefault(); submit()" data-testid="team-form">
      <h2>
        @if (team(); as t) {
          {{ 'people.teams.editTitle' | t: { name: t.name } }}
        } @else {
          {{ 'people.teams.createTitle' | t }}
        }
      </h2>
      <div class="grid">
        <div class="field">
          <label for="team-name">{{ 'people.teams.name' | t }}</label>
          <input
            id="team-name"
            type="text"
            autocomplete="off"
            data-testid="team-name"
            [value]="name()"
            (input)="name.set(value($event))"
            [attr.aria-invalid]="!!errors()['name']"
            [attr.aria-describedby]="errors()['name'] ? 'team-name-error' : null"
          />
          @if (errors()['name']; as message) {
            <p id="team-name-error" class="field-error" data-testid="error-team-name">{{ message }}</p>
          }
        </div>
        <fieldset class="field roles" [attr.aria-invalid]="!!errors()['coachIds']">
          <legend>{{ 'people.teams.chooseCoaches' | t }}</legend>
          <div class="checks">
            @for (coach of coaches(); track coach.id) {
              <label class="check">
                <input
                  type="checkbox"
                  [attr.data-testid]="'team-coach-' + coach.email"
                  [checked]="coachIds().includes(coach.id)"
                  (change)="toggleCoach(coach.id)"
                />
                {{ coach.name }}
              </label>
            } @empty {
              <p class="hint">{{ 'people.teams.noCoachUsers' | t }}</p>
            }
          </div>
          @if (errors()['coachIds']; as message) {
            <p class="field-error" data-testid="error-coachIds">{{ message }}</p>
          }
        </fieldset>
      </div>
      @if (general(); as message) {
        <p class="form-error" role="alert" data-testid="form-error">{{ message }}</p>
      }
      <div class="actions">
        <button type="submit" class="primary" data-testid="save-team" [disabled]="busy()">
          @if (busy()) {
            {{ 'people.form.saving' | t }}
          } @else if (team()) {
            {{ 'people.form.save' | t }}
          } @else {
            {{ 'people.teams.create' | t }}
          }
        </button>
        <button type="button" class="secondary" (click)="cancelled.emit()">{{ 'people.form.cancel' | t }}</button>
      </div>
    </form>
  `,
  styleUrl: './people-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamFormComponent implements OnInit {
  private readonly data = inject(PeopleData);
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** null: a new team. */
  readonly team = input<TeamWithPeople | null>(null);
  /** Users with the COACH role. */
  readonly coaches = input.required<readonly Coach[]>();
  readonly saved = output<string>();
  readonly cancelled = output<void>();

  protected readonly name = signal('');
  protected readonly coachIds = signal<string[]>([]);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly general = signal<string | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    this.i18n.register(TEXTS);
    afterNextRender(() => this.host.nativeElement.querySelector('input')?.focus());
  }

  ngOnInit(): void {
    const team = this.team();
    if (!team) return;
    this.name.set(team.name);
    this.coachIds.set(team.coaches.map((c) => c.id));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected toggleCoach(id: string): void {
    this.coachIds.update((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]));
  }

  protected async submit(): Promise<void> {
    const name = this.name().trim();
    if (!name) {
      this.errors.set({ name: this.i18n.t('people.teams.needName') });
      this.general.set(this.i18n.t('people.form.fixAbove'));
      return;
    }
    this.busy.set(true);
    this.errors.set({});
    this.general.set(null);
    try {
      const team = this.team();
      if (team) await this.data.updateTeam(team.id, { name, coachIds: this.coachIds() });
      else await this.data.createTeam(name, this.coachIds());
      this.saved.emit(name);
    } catch (error) {
      const placed = placeApiError(error, this.i18n, {
        name: { match: /already exists/i, key: 'people.form.teamNameTaken' },
      });
      this.errors.set(placed.fields);
      this.general.set(placed.general ?? this.i18n.t('people.form.fixAbove'));
    } finally {
      this.busy.set(false);
    }
  }
}
