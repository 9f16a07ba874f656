import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { ApiError } from '../../../core/api/graphql.client';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { AuditDiffComponent } from './audit-diff.component';
import { EMPTY_FILTER, checkFilter, filterFromParams, filterKey, filterToParams, toAuditArgs } from './audit-filter';
import type { AuditFilterForm } from './audit-filter';
import { AUDIT_ACTIONS, AuditData } from './audit.data';
import type { AuditActor, AuditEntry } from './audit.data';
import { TEXTS } from './audit.texts';
import { apiErrorMessage } from '../../../shared/load-state/load-state';
import { PagedList } from '../../../shared/paged-list/paged-list';
import { ListStatusComponent } from '../../../shared/paged-list/list-status.component';
import type { FilteredListState } from '../../../shared/paged-list/list-status.component';
import { LoadMoreComponent } from '../../../shared/paged-list/load-more.component';

/** Argument names the API may name in an error, and the form field each belongs to. */
const FIELD_OF_ARGUMENT: Record<string, keyof AuditFilterForm> = {
  entityId: 'entityId',
  entityType: 'entityType',
  actorId: 'actorId',
  action: 'action',
  from: 'fromDay',
  to: 'toDay',
};

/**
 * The audit log with filters kept in the address (so a filtered view can be shared, and other
 * screens link to one record's history), a page at a time, each entry's before/after on demand.
 */
@Component({
  selector: 'dc-audit-page',
  imports: [TranslatePipe, AuditDiffComponent, ListStatusComponent, LoadMoreComponent],
  templateUrl: './audit-page.component.html',
  styleUrl: './audit-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPageComponent {
  private readonly data = inject(AuditData);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18nService);
  protected readonly types = Object.keys(AUDIT_ACTIONS);
  protected readonly state = signal<FilteredListState>({ kind: 'loading' });
  /** The filters the list shows, from the address. */
  private readonly params = toSignal(this.route.queryParamMap);
  protected readonly applied = computed(() => {
    const params = this.params();
    return params ? filterFromParams(params) : EMPTY_FILTER;
  });
  /** The filters being edited in the form. */
  protected readonly draft = signal<AuditFilterForm>(EMPTY_FILTER);
  protected readonly fieldErrors = signal<Partial<Record<keyof AuditFilterForm, string>>>({});
  protected readonly actors = signal<AuditActor[]>([]);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly list = new PagedList<AuditEntry>();

  protected readonly actions = computed(() => {
    const type = this.draft().entityType;
    return type ? (AUDIT_ACTIONS[type] ?? []) : Object.values(AUDIT_ACTIONS).flat();
  });
  protected readonly filtered = computed(() => Object.keys(filterToParams(this.applied())).length > 0);

  constructor() {
    this.i18n.register(TEXTS);
    effect(() => {
      const filter = this.applied();
      untracked(() => {
        this.draft.set(filter);
        void this.load();
      });
    });
    void this.loadActors();
  }

  async load(): Promise<void> {
    const filter = this.applied();
    this.state.set({ kind: 'loading' });
    this.expanded.set(new Set());
    const args = toAuditArgs(filter);
    const outcome = await this.list.reload(async (after) => (await this.data.page(args, after)).auditLog);
    if (outcome === 'stale') return;
    const error = this.list.failure()?.error;
    // A filter the server refused shows as an empty list with the message next to the filter.
    if (outcome === 'done' || this.placeFieldError(error)) this.state.set({ kind: 'ready', shows: filterKey(filter) });
    else this.state.set({ kind: 'error', message: apiErrorMessage(this.i18n, error, 'audit.loadError') });
  }

  protected set(key: keyof AuditFilterForm, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.draft.update((d) => {
      const next = { ...d, [key]: value };
      // An action of another record type would match nothing.
      if (key === 'entityType' && value && next.action && !(AUDIT_ACTIONS[value] ?? []).includes(next.action)) next.action = '';
      return next;
    });
  }

  protected apply(): void {
    const draft = this.draft();
    const problems = checkFilter(draft);
    this.fieldErrors.set(
      Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, this.i18n.t(`audit.filter.${problem}`)])),
    );
    if (Object.keys(problems).length) return;
    const unchanged = JSON.stringify(filterToParams(draft)) === JSON.stringify(filterToParams(this.applied()));
    if (unchanged) void this.load();
    else void this.router.navigate([], { relativeTo: this.route, queryParams: filterToParams(draft) });
  }

  protected clear(): void {
    this.fieldErrors.set({});
    this.draft.set(EMPTY_FILTER);
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected toggle(id: string): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  /** The action in words; an action this screen does not know yet keeps its code. */
  protected actionLabel(action: string): string {
    const key = `audit.action.${action}`;
    const text = this.i18n.t(key);
    return text === key ? action : text;
  }

  protected typeLabel(type: string): string {
    const key = `audit.type.${type}`;
    const text = this.i18n.t(key);
    return text === key ? type : text;
  }

  protected shows(): string | null {
    const state = this.state();
    return state.kind === 'ready' ? state.shows : null;
  }

  private async loadActors(): Promise<void> {
    try {
      this.actors.set((await this.data.actors()).users);
    } catch {
      // The "who" filter then offers only "anyone"; the log itself still loads.
    }
  }

  /** A filter the server refused (BAD_USER_INPUT naming it) goes next to its control. */
  private placeFieldError(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT' || !error.field) return false;
    const field = FIELD_OF_ARGUMENT[error.field];
    if (!field) return false;
    this.fieldErrors.set({ [field]: error.message });
    return true;
  }
}
