import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, input, viewChild } from '@angular/core';
import { formatOffset } from '../../core/i18n/time';
import type { TranscriptTurnFieldsFragment } from '../../graphql-types';

const NONE: ReadonlySet<number> = new Set();

/**
 * A call's transcript, turn by turn with its time into the call, the agent's turns tinted. Turns
 * given as `evidence` stand out with `evidenceLabel`; with a `scrollLabel` the list is a
 * keyboard-reachable box of its own that `scrollToTurn` moves without scrolling the page.
 */
@Component({
  selector: 'dc-transcript',
  template: `
    <ol
      #box
      [class.scroll]="!!scrollLabel()"
      [attr.tabindex]="scrollLabel() ? 0 : null"
      [attr.aria-label]="scrollLabel() || null"
    >
      @for (turn of turns(); track $index) {
        <li
          [attr.tabindex]="scrollLabel() ? -1 : null"
          [attr.data-turn]="$index"
          [class.agent]="turn.speaker === 'AGENT'"
          [class.evidence]="evidence().has($index)"
          [attr.data-testid]="evidence().has($index) ? 'evidence-turn' : null"
        >
          <span class="time">{{ offset(turn.offsetSeconds) }}</span>
          <strong>{{ turn.speaker === 'AGENT' ? agentName() : customerName() }}:</strong> {{ turn.text }}
          @if (evidence().has($index)) {
            <span class="badge evidence-badge">{{ evidenceLabel() }}</span>
          }
        </li>
      }
    </ol>
  `,
  styleUrl: './transcript.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TranscriptComponent {
  readonly turns = input.required<readonly TranscriptTurnFieldsFragment[]>();
  readonly agentName = input.required<string>();
  readonly customerName = input.required<string>();
  /** Indexes of the turns to highlight. */
  readonly evidence = input<ReadonlySet<number>>(NONE);
  readonly evidenceLabel = input('');
  /** The accessible name of the list when it scrolls on its own; empty: it grows with the page. */
  readonly scrollLabel = input('');
  protected readonly offset = formatOffset;
  private readonly box = viewChild.required<ElementRef<HTMLElement>>('box');

  /** Scrolls the transcript (not the page) to a turn and, if asked, gives it the focus for screen readers. */
  scrollToTurn(index: number | undefined, focus = false): void {
    const box = this.box().nativeElement;
    const turn = index === undefined ? null : box.querySelector<HTMLElement>(`[data-turn="${index}"]`);
    if (!turn) return;
    box.scrollTop = Math.max(0, turn.offsetTop - box.offsetTop - box.clientHeight / 3);
    if (focus) turn.focus({ preventScroll: true });
  }
}
