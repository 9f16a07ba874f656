import type { ElementRef } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
  Injector,
} from '@angular/core';
import { ApiError } from '../../../core/api/graphql.client';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { HoldsUnsavedChanges } from '../../../core/navigation/unsaved-changes.guard';
import { RubricDraftEditorComponent } from './rubric-draft-editor.component';
import { RubricEditorData } from './rubric-editor.data';
import type { RubricVersion } from './rubric-editor.data';
import { TEXTS } from './rubric-editor.texts';
import { RubricVersionViewComponent } from './rubric-version-view.component';
import type { LoadState } from '../../../shared/load-state/load-state';
import { LoadStateComponent } from '../../../shared/load-state/load-state.component';

type State = LoadState<{ versions: RubricVersion[] }>;

/** Rubric versions: the list, the active one marked, a draft to edit and publish (docs/rubric.md#rubric-versions). */
@Component({
  selector: 'dc-rubric-editor-page',
  imports: [TranslatePipe, LoadStateComponent, RubricDraftEditorComponent, RubricVersionViewComponent],
  templateUrl: './rubric-editor-page.component.html',
  styleUrl: './rubric-editor-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
})
export class RubricEditorPageComponent implements HoldsUnsavedChanges {
  private readonly data = inject(RubricEditorData);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18nService);
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly selectedId = signal<string | null>(null);
  protected readonly creating = signal(false);
  /** A success or warning line above the list (published, somebody else's draft…). */
  protected readonly notice = signal<{ tone: 'ok' | 'warn'; text: string } | null>(null);
  protected readonly actionError = signal<string | null>(null);
  private readonly detailHeading = viewChild<ElementRef<HTMLElement>>('detailHeading');
  private readonly noticeLine = viewChild<ElementRef<HTMLElement>>('noticeLine');
  private readonly draftEditor = viewChild(RubricDraftEditorComponent);

  protected readonly versions = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.versions : [];
  });
  protected readonly draft = computed(() => this.versions().find((v) => v.status === 'DRAFT') ?? null);
  protected readonly selected = computed(() => this.versions().find((v) => v.id === this.selectedId()) ?? null);

  constructor() {
    this.i18n.register(TEXTS);
    void this.load();
  }

  /** Loads the list; keeps the selection, else opens `prefer`, else the active version. */
  async load(prefer?: string): Promise<void> {
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      const versions = await this.data.versions();
      this.state.set({ kind: 'ready', versions });
      const keep = prefer ?? this.selectedId();
      const next = versions.find((v) => v.id === keep) ?? versions.find((v) => v.status === 'PUBLISHED') ?? versions[0];
      this.selectedId.set(next?.id ?? null);
    } catch (error) {
      this.state.set({ kind: 'error', message: this.describe(error, 'rubricEditor.loadError') });
    }
  }

  /**
   * Asks before unsaved draft edits are dropped. The browser's own dialog, because closing the tab
   * (`beforeunload`) can only use that one and both cases should look the same.
   */
  mayLeave(): boolean {
    return !this.hasUnsavedChanges() || window.confirm(this.i18n.t('unsaved.confirm'));
  }

  private hasUnsavedChanges(): boolean {
    return this.draftEditor()?.dirty() ?? false;
  }

  /** Closing or reloading the tab with unsaved edits: the browser asks first. */
  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.hasUnsavedChanges()) event.preventDefault();
  }

  protected open(id: string): void {
    if (id !== this.selectedId() && !this.mayLeave()) return;
    this.notice.set(null);
    this.selectedId.set(id);
    afterNextRender(() => this.detailHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  /** Opens the draft there is, or creates one (the API allows a single draft at a time). */
  protected async newDraft(): Promise<void> {
    const existing = this.draft();
    if (existing) {
      this.open(existing.id);
      return;
    }
    this.creating.set(true);
    this.actionError.set(null);
    try {
      const draft = await this.data.createDraft();
      await this.load(draft.id);
      this.open(draft.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        await this.load();
        const found = this.draft();
        if (found) this.open(found.id);
        this.notice.set({ tone: 'warn', text: this.i18n.t('rubricEditor.conflict') });
      } else {
        this.actionError.set(this.describe(error, 'error.generic'));
      }
    } finally {
      this.creating.set(false);
    }
  }

  protected onSaved(version: RubricVersion): void {
    this.state.update((state) =>
      state.kind === 'ready' ? { ...state, versions: state.versions.map((v) => (v.id === version.id ? version : v)) } : state,
    );
  }

  protected async onPublished(version: RubricVersion): Promise<void> {
    await this.load(version.id);
    this.notice.set({ tone: 'ok', text: this.i18n.t('rubricEditor.published', { number: version.number }) });
    // The editor the focus was in is gone: bring the outcome into view instead.
    afterNextRender(() => this.noticeLine()?.nativeElement.focus(), { injector: this.injector });
  }

  protected async onStale(): Promise<void> {
    await this.load();
    this.notice.set({ tone: 'warn', text: this.i18n.t('rubricEditor.staleDraft') });
  }

  protected publishedDate(version: RubricVersion): string {
    return version.publishedAt ? this.i18n.formatDate(version.publishedAt) : this.i18n.t('rubricEditor.notPublished');
  }

  private describe(error: unknown, fallback: string): string {
    if (error instanceof ApiError && error.code === 'NETWORK') return this.i18n.t('error.network');
    if (error instanceof ApiError && error.code === 'FORBIDDEN') return this.i18n.t('error.forbidden');
    if (error instanceof ApiError && fallback === 'error.generic') return error.message;
    return this.i18n.t(fallback);
  }
}
