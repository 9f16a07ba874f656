import type { ElementRef } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApiError } from '../../../core/api/graphql.client';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { countRecords } from './calls-csv';
import { ImportHelpComponent } from './import-help.component';
import { localizeLineError } from './import-messages';
import { ImportsData } from './imports.data';
import type { ImportLineError, ImportReport, UploadHandle } from './imports.data';
import { TEXTS } from './imports.texts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; loaded: number; total: number }
  /** Uploaded; the server answers once the file is done or after a short wait, whichever is first. */
  | { kind: 'waiting' }
  | { kind: 'tracking'; report: ImportReport; lost: boolean };

/** What the progress bar shows; `value` null is an indeterminate bar (nothing counted yet). */
interface Bar {
  value: number | null;
  max: number;
  label: string;
  detail: string;
}

const POLL_MS = 400;
/** Polls that may fail in a row (a restart, a blip) before the page says contact was lost. */
const POLL_RETRIES = 3;

/**
 * CSV import of calls (docs/csv.md#importing-calls): choose or drop a file, upload it with
 * progress, then follow the server's validation and import to the end; a refused file lists each
 * bad line.
 */
@Component({
  selector: 'dc-import-page',
  imports: [TranslatePipe, RouterLink, ImportHelpComponent],
  templateUrl: './import-page.component.html',
  styleUrl: './import-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPageComponent {
  private readonly data = inject(ImportsData);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18nService);

  protected readonly file = signal<File | null>(null);
  /** The calls counted in the browser, for the bar until the server has its own count. */
  protected readonly expected = signal<number | null>(null);
  protected readonly phase = signal<Phase>({ kind: 'idle' });
  /** Why a file was not taken (not CSV, empty, refused by the server). */
  protected readonly refusal = signal<string | null>(null);
  protected readonly dragging = signal(false);
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');

  private upload: UploadHandle | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private destroyed = false;

  protected readonly report = computed(() => {
    const phase = this.phase();
    return phase.kind === 'tracking' ? phase.report : null;
  });
  protected readonly busy = computed(() => {
    const phase = this.phase();
    return (
      phase.kind === 'uploading' ||
      phase.kind === 'waiting' ||
      (phase.kind === 'tracking' && !phase.lost && !isFinal(phase.report))
    );
  });
  protected readonly lost = computed(() => {
    const phase = this.phase();
    return phase.kind === 'tracking' && phase.lost;
  });
  protected readonly bar = computed(() => this.describeBar());
  /** Problems with the file as a whole (line 0), told apart from the per-line table. */
  protected readonly fileErrors = computed(() => (this.report()?.errors ?? []).filter((e) => e.line === 0));
  protected readonly lineErrors = computed(() => (this.report()?.errors ?? []).filter((e) => e.line > 0));
  protected readonly unlisted = computed(() => {
    const report = this.report();
    return report ? Math.max(0, report.errorCount - report.errors.length) : 0;
  });

  constructor() {
    this.i18n.register(TEXTS);
    inject(DestroyRef).onDestroy(() => {
      // Leaving the page stops following the import (the server carries on regardless).
      this.destroyed = true;
      this.stopPolling();
      this.upload?.abort();
    });
  }

  protected onPick(event: Event): void {
    const input = event.target as HTMLInputElement;
    const picked = input.files?.[0];
    // Cleared so that choosing the same (corrected) file again still counts as a change.
    input.value = '';
    if (picked) void this.choose(picked);
  }

  protected onDragOver(event: DragEvent): void {
    if (this.busy()) return;
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped && !this.busy()) void this.choose(dropped);
  }

  private async choose(file: File): Promise<void> {
    this.phase.set({ kind: 'idle' });
    this.refusal.set(null);
    this.file.set(null);
    this.expected.set(null);
    const csv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
    if (!csv) {
      this.refusal.set(this.i18n.t('imports.notCsv', { name: file.name }));
      return;
    }
    if (file.size === 0) {
      this.refusal.set(this.i18n.t('imports.emptyFile', { name: file.name }));
      return;
    }
    this.file.set(file);
    try {
      const count = countRecords(await file.text());
      if (this.file() === file) this.expected.set(count);
    } catch {
      // Unreadable here: the server will say what is wrong with it.
    }
  }

  protected clear(): void {
    this.file.set(null);
    this.expected.set(null);
    this.refusal.set(null);
    this.phase.set({ kind: 'idle' });
  }

  protected async start(): Promise<void> {
    const file = this.file();
    if (!file || this.busy()) return;
    this.refusal.set(null);
    this.phase.set({ kind: 'uploading', loaded: 0, total: file.size });
    this.upload = this.data.upload(file, (loaded, total) =>
      this.phase.set(loaded >= total ? { kind: 'waiting' } : { kind: 'uploading', loaded, total }),
    );
    try {
      const report = await this.upload.done;
      this.follow(report);
    } catch (error) {
      if (this.destroyed) return;
      this.phase.set({ kind: 'idle' });
      this.refusal.set(this.describeRefusal(error));
    } finally {
      this.upload = null;
    }
  }

  protected resume(): void {
    const report = this.report();
    if (!report) return;
    this.failures = 0;
    this.phase.set({ kind: 'tracking', report, lost: false });
    this.schedulePoll(report.id, 0);
  }

  protected another(): void {
    this.clear();
    afterNextRender(() => document.getElementById('csv-file')?.focus(), { injector: this.injector });
  }

  private follow(report: ImportReport): void {
    if (this.destroyed) return;
    this.phase.set({ kind: 'tracking', report, lost: false });
    if (isFinal(report)) {
      if (report.status === 'DONE') this.file.set(null);
      afterNextRender(() => this.resultHeading()?.nativeElement.focus(), { injector: this.injector });
    } else {
      this.schedulePoll(report.id, POLL_MS);
    }
  }

  private schedulePoll(id: string, delay: number): void {
    this.stopPolling();
    this.pollTimer = setTimeout(() => void this.poll(id), delay);
  }

  private async poll(id: string): Promise<void> {
    this.pollTimer = null;
    try {
      const report = await this.data.status(id);
      this.failures = 0;
      this.follow(report);
    } catch {
      if (this.destroyed) return;
      this.failures += 1;
      const current = this.report();
      if (this.failures < POLL_RETRIES || !current) this.schedulePoll(id, POLL_MS * 2 ** this.failures);
      else this.phase.set({ kind: 'tracking', report: current, lost: true });
    }
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private describeBar(): Bar | null {
    const phase = this.phase();
    const n = (value: number) => this.i18n.formatNumber(value);
    switch (phase.kind) {
      case 'idle':
        return null;
      case 'uploading': {
        const percent = phase.total ? Math.floor((100 * phase.loaded) / phase.total) : 0;
        return {
          value: phase.loaded,
          max: Math.max(phase.total, 1),
          label: this.i18n.t('imports.phase.UPLOADING'),
          detail: this.i18n.t('imports.uploaded', {
            loaded: this.formatBytes(phase.loaded),
            total: this.formatBytes(phase.total),
            percent,
          }),
        };
      }
      case 'waiting':
        return { value: null, max: 1, label: this.i18n.t('imports.phase.WAITING'), detail: '' };
      case 'tracking': {
        const { report } = phase;
        const label = this.i18n.t(`imports.status.${report.status}`);
        if (report.status === 'FAILED') return null;
        if (report.status !== 'VALIDATING') {
          const total = Math.max(report.total, 1);
          return {
            value: total,
            max: total,
            label,
            detail: this.i18n.t('imports.processed', { processed: n(report.total), total: n(report.total) }),
          };
        }
        // While validating the server has not counted the file yet: use our own count until it has.
        const total = report.total || this.expected() || 0;
        if (!total)
          return { value: null, max: 1, label, detail: this.i18n.t('imports.processedOnly', { processed: n(report.processed) }) };
        const max = Math.max(total, report.processed);
        const key = report.total ? 'imports.processed' : 'imports.processedApprox';
        return {
          value: report.processed,
          max,
          label,
          detail: this.i18n.t(key, { processed: n(report.processed), total: n(max) }),
        };
      }
    }
  }

  protected lineLabel(error: ImportLineError): string {
    return error.line === 1 ? this.i18n.t('imports.header', { line: 1 }) : this.i18n.formatNumber(error.line);
  }

  protected lineErrorText(error: ImportLineError): string {
    const known = localizeLineError(error.message);
    return known ? this.i18n.t(known.key, known.params) : error.message;
  }

  /** A whole-file problem in the interface's language when it is one we know. */
  protected fileErrorText(error: ImportLineError): string {
    const limit = error.message.match(/larger than the limit of (\d+) MB/);
    if (limit) return this.i18n.t('imports.tooLarge', { mb: limit[1]! });
    if (/failed on the server/.test(error.message)) return this.i18n.t('imports.serverFailed');
    return this.lineErrorText(error);
  }

  protected formatBytes(bytes: number): string {
    if (bytes < 1024) return `${this.i18n.formatNumber(bytes)} B`;
    if (bytes < 1024 * 1024) return `${this.i18n.formatNumber(bytes / 1024, 0)} KB`;
    return `${this.i18n.formatNumber(bytes / 1024 / 1024, 1)} MB`;
  }

  private describeRefusal(error: unknown): string {
    if (!(error instanceof ApiError)) return this.i18n.t('error.generic');
    switch (error.code) {
      case 'NETWORK':
        return this.i18n.t('error.network');
      case 'FORBIDDEN':
        return this.i18n.t('error.forbidden');
      case 'TOO_LARGE':
        return this.i18n.t('imports.tooLargeUnknown');
      case 'SERVER':
        return this.i18n.t('error.generic');
      default:
        return error.message ? this.i18n.t('imports.refused', { message: error.message }) : this.i18n.t('error.generic');
    }
  }
}

const isFinal = (report: ImportReport) => report.status === 'DONE' || report.status === 'FAILED';
