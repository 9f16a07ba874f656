import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { ApiError } from '../../core/api/graphql.client';
import type { TranslationKey } from '../../core/i18n/es';
import { I18nService } from '../../core/i18n/i18n.service';
import { formatOffset } from '../../core/i18n/time';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { FeedbackData } from './feedback.data';
import type { FeedbackEvaluation, MyFeedback } from './feedback.data';
import type { LoadState } from '../../shared/load-state/load-state';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';

type State = LoadState<{ data: MyFeedback }>;

/** The agent's page: evaluations to acknowledge or dispute, with their evidence, and coaching. */
@Component({
  selector: 'dc-feedback-page',
  imports: [TranslatePipe, LoadStateComponent],
  templateUrl: './feedback-page.component.html',
  styleUrl: './feedback-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackPageComponent {
  private readonly data = inject(FeedbackData);
  protected readonly i18n = inject(I18nService);
  protected readonly state = signal<State>({ kind: 'loading' });
  /** The evaluation whose dispute form is open, with the codes chosen and the reason. */
  protected readonly disputing = signal<{ id: string; codes: string[]; reason: string } | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const lang = this.i18n.gqlLang();
      untracked(() => void this.load(lang));
    });
  }

  async load(lang: 'ES' | 'EN' = this.i18n.gqlLang()): Promise<void> {
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      this.state.set({ kind: 'ready', data: await this.data.load(lang) });
    } catch (error) {
      this.state.set({
        kind: 'error',
        message:
          error instanceof ApiError && error.code === 'NETWORK'
            ? this.i18n.t('error.network')
            : this.i18n.t('feedback.loadError'),
      });
    }
  }

  protected feedback(): MyFeedback | null {
    const state = this.state();
    return state.kind === 'ready' ? state.data : null;
  }

  protected statusKey(e: FeedbackEvaluation): TranslationKey {
    return `feedback.status.${e.status}` as TranslationKey;
  }

  protected decisionKey(decision: string): TranslationKey {
    return `feedback.decision.${decision}` as TranslationKey;
  }

  /** Whether the dispute window is still open (the server checks it again). */
  protected canDispute(e: FeedbackEvaluation): boolean {
    return !!e.disputableUntil && Date.parse(e.disputableUntil) > Date.now();
  }

  protected low(e: FeedbackEvaluation) {
    return e.answers.filter((a) => a.value !== null && a.value <= 1);
  }

  protected readonly offset = formatOffset;

  protected openDispute(id: string): void {
    this.actionError.set(null);
    this.disputing.set({ id, codes: [], reason: '' });
  }

  protected toggleCode(code: string): void {
    this.disputing.update(
      (d) => d && { ...d, codes: d.codes.includes(code) ? d.codes.filter((c) => c !== code) : [...d.codes, code] },
    );
  }

  protected setReason(event: Event): void {
    const reason = (event.target as HTMLTextAreaElement).value;
    this.disputing.update((d) => d && { ...d, reason });
  }

  async acknowledge(id: string): Promise<void> {
    await this.act(() => this.data.acknowledge(id));
  }

  async sendDispute(): Promise<void> {
    const d = this.disputing();
    if (!d || !d.codes.length || !d.reason.trim()) {
      this.actionError.set(this.i18n.t('feedback.disputeNeeds'));
      return;
    }
    await this.act(() => this.data.dispute(d.id, d.codes, d.reason.trim()));
    if (!this.actionError()) this.disputing.set(null);
  }

  async acknowledgeSession(id: string): Promise<void> {
    await this.act(() => this.data.acknowledgeSession(id));
  }

  private async act(run: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await run();
      await this.load();
    } catch (error) {
      // The server says why (e.g. the dispute window has closed).
      this.actionError.set(error instanceof ApiError && error.code !== 'NETWORK' ? error.message : this.i18n.t('error.network'));
    } finally {
      this.busy.set(false);
    }
  }
}
