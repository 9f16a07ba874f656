import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ApiError } from '../../core/api/graphql.client';
import { SessionService } from '../../core/auth/session.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ScoringData } from './scoring.data';
import type { Queue } from './scoring.data';
import type { LoadState } from '../../shared/load-state/load-state';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';

type State = LoadState<{ queue: Queue }>;

/** The evaluator's queue: drafts in progress and calls waiting to be scored. */
@Component({
  selector: 'dc-queue-page',
  imports: [TranslatePipe, LoadStateComponent, RouterLink],
  template: `
    <h1>{{ 'queue.title' | t }}</h1>
    @switch (state().kind) {
      @default {
        <dc-load-state [state]="state()" (retry)="load()" />
      }
      @case ('ready') {
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">{{ 'queue.drafts' | t }}</h2>
          @if (queue()!.drafts.nodes.length === 0) {
            <p class="empty">{{ 'queue.noDrafts' | t }}</p>
          } @else {
            <ul class="rows">
              @for (draft of queue()!.drafts.nodes; track draft.id) {
                <li>
                  <span class="who">{{ draft.agent.name }}</span>
                  <span>{{ draft.call.externalId }}</span>
                  <span class="muted">{{ i18n.formatDate(draft.callStartedAt) }}</span>
                  <a [routerLink]="['/evaluations', draft.id]" data-testid="continue-draft">{{ 'queue.continue' | t }}</a>
                </li>
              }
            </ul>
          }
        </section>
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title">{{ 'queue.waiting' | t }}</h2>
          @if (waiting().length === 0) {
            <p class="empty">{{ 'queue.noWaiting' | t }}</p>
          } @else {
            <ul class="rows">
              @for (call of waiting(); track call.id) {
                <li>
                  <span class="who">{{ call.agent.name }}</span>
                  <span>{{ call.externalId }}</span>
                  <span class="muted">{{ i18n.formatDate(call.startedAt) }} · {{ 'purpose.' + call.purpose | t }}</span>
                  <button
                    type="button"
                    class="primary"
                    data-testid="start-evaluation"
                    [disabled]="starting()"
                    (click)="start(call.id)"
                  >
                    {{ 'queue.evaluate' | t }}
                  </button>
                </li>
              }
            </ul>
          }
        </section>
      }
    }
  `,
  styles: `
    .rows {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.5rem;
    }
    .rows li {
      display: grid;
      grid-template-columns: 1.2fr 1fr 1.5fr auto;
      gap: 1rem;
      align-items: center;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 8px;
      padding: 0.6rem 0.9rem;
    }
    .who {
      font-weight: 600;
    }
    .problem {
      border-radius: 10px;
      padding: 1rem;
    }
    section {
      margin-top: 1.5rem;
    }
    @media (max-width: 800px) {
      .rows li {
        grid-template-columns: 1fr 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuePageComponent {
  private readonly data = inject(ScoringData);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly starting = signal(false);

  constructor() {
    void this.load();
  }

  protected queue(): Queue | null {
    const state = this.state();
    return state.kind === 'ready' ? state.queue : null;
  }

  /** Calls nobody has started (a call with someone else's draft still waits). */
  protected waiting() {
    const me = this.session.user()?.id;
    return (this.queue()?.waiting.nodes ?? []).filter((call) => call.agent.id !== me);
  }

  async load(): Promise<void> {
    this.state.set({ kind: 'loading' });
    try {
      this.state.set({ kind: 'ready', queue: await this.data.queue(this.session.user()!.id) });
    } catch (error) {
      this.state.set({
        kind: 'error',
        message:
          error instanceof ApiError && error.code === 'NETWORK' ? this.i18n.t('error.network') : this.i18n.t('queue.loadError'),
      });
    }
  }

  async start(callId: string): Promise<void> {
    this.starting.set(true);
    try {
      const id = await this.data.start(callId);
      await this.router.navigate(['/evaluations', id]);
    } catch (error) {
      this.state.set({ kind: 'error', message: error instanceof ApiError ? error.message : this.i18n.t('error.generic') });
    } finally {
      this.starting.set(false);
    }
  }
}
