import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { SessionService } from '../../core/auth/session.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { reloadOnLanguage } from '../../core/i18n/reload-on-language';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { DisputeDetailComponent } from './dispute-detail.component';
import type { ResolvedDispute } from './dispute-detail.component';
import { whyNotResolvable } from './dispute-form';
import { DisputesData } from './disputes.data';
import type { DisputeRow } from './disputes.data';
import { TEXTS } from './disputes.texts';
import { apiErrorMessage } from '../../shared/load-state/load-state';
import type { LoadState } from '../../shared/load-state/load-state';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';

type Tab = 'open' | 'resolved';
const TABS: readonly Tab[] = ['open', 'resolved'];
const STATUS = { open: 'DISPUTED', resolved: 'RESOLVED' } as const;

type State = LoadState<{ rows: DisputeRow[]; endCursor: string | null; hasMore: boolean }>;

/**
 * Dispute resolution: the open disputes (those the signed-in person wrote are shown but say why
 * they are not theirs to resolve), the resolved ones with their decision, and one dispute opened
 * for a decision.
 */
@Component({
  selector: 'dc-disputes-page',
  imports: [TranslatePipe, LoadStateComponent, DisputeDetailComponent],
  templateUrl: './disputes-page.component.html',
  styleUrl: './disputes-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DisputesPageComponent {
  private readonly data = inject(DisputesData);
  private readonly session = inject(SessionService);
  protected readonly i18n = inject(I18nService);
  protected readonly tabs = TABS;
  protected readonly tab = signal<Tab>('open');
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly loadingMore = signal(false);
  /** The evaluation whose dispute is open for a decision. */
  protected readonly opened = signal<string | null>(null);
  protected readonly success = signal<string | null>(null);
  private readonly successBox = viewChild<ElementRef<HTMLElement>>('successBox');
  private readonly tabButtons = viewChild<ElementRef<HTMLElement>>('tabList');
  private lastOpened: string | null = null;

  protected readonly rows = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.rows : [];
  });
  protected readonly hasMore = computed(() => {
    const state = this.state();
    return state.kind === 'ready' && state.hasMore;
  });

  constructor() {
    this.i18n.register(TEXTS);
    reloadOnLanguage(this.i18n, this.tab, (value, lang) => this.load(value, lang));
  }

  async load(tab = this.tab(), lang: 'ES' | 'EN' = this.i18n.gqlLang()): Promise<void> {
    if (this.state().kind !== 'ready') this.state.set({ kind: 'loading' });
    try {
      const page = await this.data.list(STATUS[tab], lang);
      if (tab !== this.tab()) return; // the other tab was chosen meanwhile
      this.state.set({ kind: 'ready', rows: page.nodes, endCursor: page.pageInfo.endCursor, hasMore: page.pageInfo.hasNextPage });
    } catch (error) {
      this.state.set({ kind: 'error', message: apiErrorMessage(this.i18n, error, 'disputes.loadError') });
    }
  }

  async more(): Promise<void> {
    const state = this.state();
    if (state.kind !== 'ready' || !state.hasMore || this.loadingMore()) return;
    this.loadingMore.set(true);
    try {
      const page = await this.data.list(STATUS[this.tab()], this.i18n.gqlLang(), state.endCursor);
      this.state.set({
        kind: 'ready',
        rows: [...state.rows, ...page.nodes],
        endCursor: page.pageInfo.endCursor,
        hasMore: page.pageInfo.hasNextPage,
      });
    } catch (error) {
      this.state.set({ kind: 'error', message: apiErrorMessage(this.i18n, error, 'disputes.loadError') });
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected choose(tab: Tab): void {
    if (tab === this.tab()) return;
    this.state.set({ kind: 'loading' });
    this.tab.set(tab);
  }

  /** Tabs pattern: ←/→ (and Home/End) move between the tabs. */
  protected onTabKey(event: KeyboardEvent): void {
    const index = TABS.indexOf(this.tab());
    const next =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    this.choose(next);
    setTimeout(() => this.tabButtons()?.nativeElement.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  protected notResolvable(row: DisputeRow) {
    return whyNotResolvable(row, this.session.user()?.id ?? null);
  }

  /** The contested rules with their original answer, for the list. */
  protected contested(row: DisputeRow) {
    const codes = row.dispute?.codes ?? [];
    return row.answers
      .filter((a) => codes.includes(a.criterion.code))
      .map((a) => ({
        code: a.criterion.code,
        title: a.criterion.title,
        value: a.notApplicable ? 'N/A' : String(a.value ?? '—'),
      }));
  }

  protected open(id: string): void {
    this.success.set(null);
    this.lastOpened = id;
    this.opened.set(id);
  }

  protected close(): void {
    this.opened.set(null);
    const id = this.lastOpened;
    setTimeout(() => document.querySelector<HTMLElement>(`[data-open="${id}"]`)?.focus());
  }

  protected onResolved(result: ResolvedDispute): void {
    const score = (value: number | null) => (value === null ? '—' : this.i18n.formatNumber(value, 1));
    this.success.set(
      this.i18n.t('disputes.resolvedMessage', {
        call: result.call,
        decision: this.i18n.t(`disputes.decision.${result.decision}`),
        old: score(result.oldScore),
        score: score(result.score),
      }),
    );
    this.opened.set(null);
    void this.load();
    setTimeout(() => this.successBox()?.nativeElement.focus());
  }
}
