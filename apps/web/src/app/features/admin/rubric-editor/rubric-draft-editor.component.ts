import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { ApiError } from '../../../core/api/graphql.client';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import {
  WEIGHT_TOTAL,
  blankRow,
  draftIssues,
  locateApiField,
  toInput,
  toRows,
  translateIssue,
  weightDigits,
  weightSum,
} from './rubric-draft';
import type { CriterionField, CriterionRow, DraftIssue } from './rubric-draft';
import { RubricEditorData } from './rubric-editor.data';
import type { RubricVersion } from './rubric-editor.data';
import { TEXTS } from './rubric-editor.texts';

type TextField = Exclude<CriterionField, 'weight'>;
type FlagField = 'critical' | 'naAllowed';

/** The four texts of a rule, Spanish beside English. */
const TEXT_FIELDS: ReadonlyArray<{
  name: 'titleEs' | 'titleEn' | 'listenForEs' | 'listenForEn';
  label: string;
  lang: 'es' | 'en';
  long: boolean;
}> = [
  { name: 'titleEs', label: 'rubricEditor.field.titleEs', lang: 'es', long: false },
  { name: 'titleEn', label: 'rubricEditor.field.titleEn', lang: 'en', long: false },
  { name: 'listenForEs', label: 'rubricEditor.field.listenForEs', lang: 'es', long: true },
  { name: 'listenForEn', label: 'rubricEditor.field.listenForEn', lang: 'en', long: true },
];

/** The two yes/no properties of a rule. */
const FLAG_FIELDS: ReadonlyArray<{ name: FlagField; label: string; testId: string }> = [
  { name: 'critical', label: 'rubricEditor.field.critical', testId: 'rule-critical' },
  { name: 'naAllowed', label: 'rubricEditor.field.naAllowed', testId: 'rule-na' },
];

/** A rule's up and down buttons: `name` ends their ids, which `move` reads to keep the focus. */
const MOVES: ReadonlyArray<{ name: 'up' | 'down'; by: -1 | 1; label: string; arrow: string }> = [
  { name: 'up', by: -1, label: 'rubricEditor.moveUp', arrow: '↑' },
  { name: 'down', by: 1, label: 'rubricEditor.moveDown', arrow: '↓' },
];

/**
 * Edits a draft's full criteria list: add, remove, reorder, reword, reweight, flags. Checks what the
 * server checks as the admin types; Save sends the whole list; Publish (after a confirmation) needs
 * the saved list and weights adding up to 100.
 */
@Component({
  selector: 'dc-rubric-draft-editor',
  imports: [TranslatePipe],
  templateUrl: './rubric-draft-editor.component.html',
  styleUrl: './rubric-draft-editor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RubricDraftEditorComponent {
  private readonly data = inject(RubricEditorData);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18nService);

  readonly version = input.required<RubricVersion>();
  readonly saved = output<RubricVersion>();
  readonly published = output<RubricVersion>();
  /** The draft is no longer a draft (published or gone): the page reloads. */
  readonly stale = output<void>();

  protected readonly textFields = TEXT_FIELDS;
  protected readonly flagFields = FLAG_FIELDS;
  protected readonly moves = MOVES;
  protected readonly rows = signal<CriterionRow[]>([]);
  private readonly savedJson = signal('');
  /** Fields the admin has edited or left; their problems show at once, the others after a Save attempt. */
  private readonly touched = signal<ReadonlySet<string>>(new Set());
  protected readonly attempted = signal(false);
  protected readonly saving = signal(false);
  protected readonly publishing = signal(false);
  protected readonly serverIssue = signal<{ key: number; field: CriterionField; text: DraftIssue['text'] } | null>(null);
  protected readonly problem = signal<string | null>(null);
  /** Polite announcements: saved, removed, what to fix. */
  protected readonly status = signal('');
  private readonly confirmDialog = viewChild<ElementRef<HTMLDialogElement>>('confirm');

  protected readonly issues = computed(() => draftIssues(this.rows()));
  protected readonly sum = computed(() => weightSum(this.rows()));
  protected readonly sumOk = computed(() => this.sum() === WEIGHT_TOTAL);
  protected readonly sumText = computed(() => this.i18n.formatNumber(this.sum(), weightDigits(this.sum())));
  /** Edits not saved yet (the page asks before they are dropped). */
  readonly dirty = computed(() => JSON.stringify(toInput(this.rows())) !== this.savedJson());
  protected readonly canPublish = computed(
    () => !this.dirty() && this.sumOk() && this.issues().length === 0 && !this.saving() && !this.publishing(),
  );
  protected readonly listIssue = computed(() => this.issues().find((issue) => issue.key === null) ?? null);

  constructor() {
    this.i18n.register(TEXTS);
    // A new version object (first open, or the server's answer to Save) resets the form to it.
    effect(() => {
      const version = this.version();
      untracked(() => this.reset(version));
    });
  }

  private reset(version: RubricVersion): void {
    const rows = toRows(version.criteria);
    this.rows.set(rows);
    this.savedJson.set(JSON.stringify(toInput(rows)));
    this.touched.set(new Set());
    this.attempted.set(false);
    this.serverIssue.set(null);
  }

  /** The message to show under one field, if any (the server's first, then ours). */
  protected issueFor(row: CriterionRow, field: CriterionField): string | null {
    const server = this.serverIssue();
    if (server && server.key === row.key && server.field === field) return this.text(server.text);
    if (!this.attempted() && !this.touched().has(`${row.key}.${field}`)) return null;
    const issue = this.issues().find((i) => i.key === row.key && i.field === field);
    return issue ? this.text(issue.text) : null;
  }

  protected text(text: DraftIssue['text']): string {
    return 'raw' in text ? text.raw : this.i18n.t(text.key, text.params);
  }

  protected fieldId(row: CriterionRow, field: string): string {
    return `rule-${row.key}-${field}`;
  }

  protected setText(row: CriterionRow, field: TextField, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.patch(row.key, { [field]: field === 'code' ? value.toUpperCase() : value });
    this.touch(row, field);
  }

  protected setWeight(row: CriterionRow, event: Event): void {
    this.patch(row.key, { weight: (event.target as HTMLInputElement).valueAsNumber });
    this.touch(row, 'weight');
  }

  protected setFlag(row: CriterionRow, field: FlagField, event: Event): void {
    this.patch(row.key, { [field]: (event.target as HTMLInputElement).checked });
  }

  protected touch(row: CriterionRow, field: CriterionField): void {
    const id = `${row.key}.${field}`;
    if (!this.touched().has(id)) this.touched.update((set) => new Set(set).add(id));
  }

  private patch(key: number, change: Partial<CriterionRow>): void {
    this.rows.update((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
    const server = this.serverIssue();
    if (server?.key === key && Object.keys(change).includes(server.field)) this.serverIssue.set(null);
    this.status.set('');
  }

  protected move(index: number, by: -1 | 1): void {
    const rows = [...this.rows()];
    const target = index + by;
    if (target < 0 || target >= rows.length) return;
    [rows[index], rows[target]] = [rows[target]!, rows[index]!];
    this.rows.set(rows);
    // Moving the rule moves its buttons: keep the keyboard on the same button (or its sibling at an end).
    const key = rows[target]!.key;
    const first = by < 0 ? 'up' : 'down';
    const other = by < 0 ? 'down' : 'up';
    this.focusAfterRender(() => {
      const button = this.byId<HTMLButtonElement>(`rule-${key}-${first}`);
      return button && !button.disabled ? button : this.byId(`rule-${key}-${other}`);
    });
  }

  protected remove(index: number): void {
    const rows = [...this.rows()];
    const [removed] = rows.splice(index, 1);
    this.rows.set(rows);
    this.status.set(this.i18n.t('rubricEditor.removed', { code: removed?.code || `#${index + 1}` }));
    const next = rows[index] ?? rows[index - 1];
    this.focusAfterRender(() => (next ? this.byId(`rule-${next.key}-code`) : this.byId('rule-add')));
  }

  protected add(): void {
    const row = blankRow();
    this.rows.update((rows) => [...rows, row]);
    this.focusAfterRender(() => this.byId(`rule-${row.key}-code`));
  }

  protected async save(): Promise<void> {
    this.attempted.set(true);
    this.problem.set(null);
    const issues = this.issues();
    if (issues.length) {
      this.status.set(this.i18n.t('rubricEditor.fixFirst', { count: issues.length }));
      const first = issues.find((i) => i.key !== null);
      if (first) this.byId(`rule-${first.key}-${first.field}`)?.focus();
      return;
    }
    this.saving.set(true);
    try {
      const version = await this.data.saveDraft(this.version().id, toInput(this.rows()));
      this.saved.emit(version);
      this.status.set(this.i18n.t('rubricEditor.saved'));
    } catch (error) {
      this.handle(error);
    } finally {
      this.saving.set(false);
    }
  }

  protected askPublish(): void {
    if (!this.canPublish()) return;
    this.confirmDialog()?.nativeElement.showModal();
  }

  protected closeConfirm(): void {
    this.confirmDialog()?.nativeElement.close();
  }

  protected async publish(): Promise<void> {
    this.closeConfirm();
    this.publishing.set(true);
    this.problem.set(null);
    try {
      this.published.emit(await this.data.publish(this.version().id));
    } catch (error) {
      this.handle(error);
    } finally {
      this.publishing.set(false);
    }
  }

  private handle(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.problem.set(this.i18n.t('error.generic'));
      return;
    }
    if (error.code === 'NETWORK') {
      this.problem.set(this.i18n.t('error.network'));
    } else if (error.code === 'NOT_FOUND' || (error.code === 'BAD_USER_INPUT' && error.field === 'id')) {
      this.stale.emit();
    } else {
      const place = locateApiField(error.field, this.rows());
      if (place) {
        this.serverIssue.set({ ...place, text: translateIssue(error.message) });
        this.byId(`rule-${place.key}-${place.field}`)?.focus();
      } else {
        this.problem.set(error.message);
      }
    }
  }

  private byId<T extends HTMLElement = HTMLElement>(id: string): T | null {
    return this.host.nativeElement.querySelector<T>(`#${id}`);
  }

  private focusAfterRender(find: () => HTMLElement | null): void {
    afterNextRender(() => find()?.focus(), { injector: this.injector });
  }
}
