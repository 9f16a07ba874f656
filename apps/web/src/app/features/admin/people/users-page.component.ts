import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApiError } from '../../../core/api/graphql.client';
import { SessionService } from '../../../core/auth/session.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { Role } from '../../../graphql-types';
import { ConfirmDialogComponent } from './confirm-dialog.component';
import { PeopleData, ROLES } from './people.data';
import type { Person, TeamRef } from './people.data';
import { TEXTS } from './people.texts';
import { UserFormComponent } from './user-form.component';
import { apiErrorMessage } from '../../../shared/load-state/load-state';
import type { LoadState } from '../../../shared/load-state/load-state';
import { LoadStateComponent } from '../../../shared/load-state/load-state.component';

type State = LoadState<{ users: Person[]; teams: TeamRef[] }>;
type Editor = { mode: 'create' } | { mode: 'edit'; user: Person };
type SortKey = 'name' | 'email' | 'team';

/**
 * Administration of users. Role and team filter on the server (`users(role, teamId)`); the text
 * search filters the loaded list in the browser, which is enough for a call center's staff.
 */
@Component({
  selector: 'dc-users-page',
  imports: [TranslatePipe, LoadStateComponent, RouterLink, UserFormComponent, ConfirmDialogComponent],
  templateUrl: './users-page.component.html',
  styleUrl: './people-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPageComponent {
  private readonly data = inject(PeopleData);
  private readonly session = inject(SessionService);
  protected readonly i18n = inject(I18nService);
  protected readonly roles = ROLES;
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly role = signal<Role | ''>('');
  protected readonly teamId = signal('');
  protected readonly search = signal('');
  protected readonly sort = signal<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  protected readonly editor = signal<Editor | null>(null);
  /** The user whose deactivation (or reactivation) waits for a yes. */
  protected readonly confirming = signal<Person | null>(null);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly me = computed(() => this.session.user()?.id);

  protected readonly teams = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.teams : [];
  });

  protected readonly allUsers = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.users : [];
  });

  protected readonly shown = computed(() => {
    const words = normalize(this.search()).split(/\s+/).filter(Boolean);
    const { key, descending } = this.sort();
    const collator = new Intl.Collator(this.i18n.locale(), { sensitivity: 'base' });
    const sortValue = (u: Person) => (key === 'team' ? (u.team?.name ?? '\uffff') : u[key]);
    return this.allUsers()
      .filter((u) => words.every((w) => normalize(`${u.name} ${u.email}`).includes(w)))
      .sort((a, b) => collator.compare(sortValue(a), sortValue(b)) * (descending ? -1 : 1));
  });

  constructor() {
    this.i18n.register(TEXTS);
    void this.load();
  }

  async load(): Promise<void> {
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      const result = await this.data.users({ role: this.role() || undefined, teamId: this.teamId() || undefined });
      this.state.set({ kind: 'ready', users: result.users, teams: result.teams });
    } catch (error) {
      this.state.set({ kind: 'error', message: apiErrorMessage(this.i18n, error, 'people.users.loadError') });
    }
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected filterRole(event: Event): void {
    this.role.set(this.value(event) as Role | '');
    void this.load();
  }

  protected filterTeam(event: Event): void {
    this.teamId.set(this.value(event));
    void this.load();
  }

  protected sortBy(key: SortKey): void {
    this.sort.update((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  }

  protected ariaSort(key: SortKey): 'ascending' | 'descending' | 'none' {
    const s = this.sort();
    return s.key !== key ? 'none' : s.descending ? 'descending' : 'ascending';
  }

  protected openCreate(): void {
    this.notice.set(null);
    this.editor.set({ mode: 'create' });
  }

  protected openEdit(user: Person): void {
    this.notice.set(null);
    this.editor.set({ mode: 'edit', user });
    window.scrollTo({ top: 0 });
  }

  protected async onSaved(user: Person): Promise<void> {
    const creating = this.editor()?.mode === 'create';
    this.editor.set(null);
    // Said once the list shows it.
    await this.load();
    this.notice.set(this.i18n.t(creating ? 'people.saved.created' : 'people.saved.updated', { name: user.name }));
  }

  protected async toggleActive(): Promise<void> {
    const user = this.confirming();
    if (!user) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await this.data.updateUser(user.id, { active: !user.active });
      this.confirming.set(null);
      await this.load();
      this.notice.set(this.i18n.t(user.active ? 'people.saved.deactivated' : 'people.saved.reactivated', { name: user.name }));
    } catch (error) {
      this.confirming.set(null);
      this.actionError.set(error instanceof ApiError && error.code !== 'NETWORK' ? error.message : this.i18n.t('error.network'));
    } finally {
      this.busy.set(false);
    }
  }
}

/** Lower case without accents, so "jose" finds "José". */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
