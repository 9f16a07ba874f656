import type { OnInit } from '@angular/core';
import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output, signal } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { Role } from '../../../graphql-types';
import { placeApiError } from './field-errors';
import type { FieldErrors } from './field-errors';
import { LOCALES, PASSWORD_MIN_LENGTH, PeopleData, ROLES } from './people.data';
import type { Person, TeamRef } from './people.data';
import { TEXTS } from './people.texts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates a user, or edits one (name, roles, team, language). The form checks the obvious rules
 * itself so it can answer in the user's language; the API checks everything again.
 */
@Component({
  selector: 'dc-user-form',
  imports: [TranslatePipe],
  templateUrl: './user-form.component.html',
  styleUrl: './people-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserFormComponent implements OnInit {
  private readonly data = inject(PeopleData);
  private readonly i18n = inject(I18nService);
  /** null: a new user. */
  readonly user = input<Person | null>(null);
  readonly teams = input.required<readonly TeamRef[]>();
  readonly saved = output<Person>();
  readonly cancelled = output<void>();

  protected readonly roles = ROLES;
  protected readonly locales = LOCALES;
  protected readonly minPassword = PASSWORD_MIN_LENGTH;
  protected readonly email = signal('');
  protected readonly name = signal('');
  protected readonly password = signal('');
  protected readonly chosenRoles = signal<Role[]>(['AGENT']);
  protected readonly teamId = signal('');
  protected readonly locale = signal<string>('es');
  protected readonly errors = signal<FieldErrors>({});
  protected readonly general = signal<string | null>(null);
  protected readonly busy = signal(false);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    this.i18n.register(TEXTS);
    // The form opens where the person was looking: move the focus into it.
    afterNextRender(() => this.host.nativeElement.querySelector('input')?.focus());
  }

  ngOnInit(): void {
    const user = this.user();
    if (!user) return;
    this.name.set(user.name);
    this.chosenRoles.set([...user.roles]);
    this.teamId.set(user.team?.id ?? '');
    this.locale.set(user.locale);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected toggleRole(role: Role): void {
    this.chosenRoles.update((roles) =>
      roles.includes(role) ? roles.filter((r) => r !== role) : ROLES.filter((r) => r === role || roles.includes(r)),
    );
  }

  protected async submit(): Promise<void> {
    const user = this.user();
    const errors = this.check(user === null);
    this.errors.set(errors);
    this.general.set(Object.keys(errors).length ? this.i18n.t('people.form.fixAbove') : null);
    if (Object.keys(errors).length) return;
    this.busy.set(true);
    try {
      const common = {
        name: this.name().trim(),
        roles: this.chosenRoles(),
        teamId: this.teamId() || null,
        locale: this.locale(),
      };
      const result = user
        ? (await this.data.updateUser(user.id, common)).updateUser
        : (await this.data.createUser({ ...common, email: this.email().trim(), password: this.password() })).createUser;
      this.saved.emit(result);
    } catch (error) {
      const placed = placeApiError(error, this.i18n, {
        email: { match: /already exists/i, key: 'people.form.emailTaken' },
      });
      this.errors.set(placed.fields);
      this.general.set(placed.general ?? this.i18n.t('people.form.fixAbove'));
    } finally {
      this.busy.set(false);
    }
  }

  private check(creating: boolean): FieldErrors {
    const errors: FieldErrors = {};
    if (creating && !EMAIL.test(this.email().trim())) errors['email'] = this.i18n.t('people.form.needEmail');
    if (!this.name().trim()) errors['name'] = this.i18n.t('people.form.needName');
    if (creating && this.password().length < PASSWORD_MIN_LENGTH)
      errors['password'] = this.i18n.t('people.form.needPassword', { min: PASSWORD_MIN_LENGTH });
    if (!this.chosenRoles().length) errors['roles'] = this.i18n.t('people.form.needRoles');
    return errors;
  }
}
