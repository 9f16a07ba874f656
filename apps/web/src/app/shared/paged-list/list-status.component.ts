import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { LoadStateComponent } from '../load-state/load-state.component';
import type { LoadState } from '../load-state/load-state';

/** Ready: the rows in the list belong to the filters `shows` writes. */
export type FilteredListState = LoadState<{ shows: string }>;

/**
 * What a filtered list says above its rows: loading, the error with Retry, that nothing matches
 * (and whether filters are the reason), or how many rows are shown. The screen draws the rows
 * itself when the list is ready and not empty.
 *
 * `name` is the screen's prefix for its texts and test ids, so each list keeps its own wording:
 * texts `<name>.empty`, `<name>.emptyAll` and `<name>.shown`; test ids `<name>-error` and
 * `<name>-empty`. The empty line carries `data-filter` with the filters it belongs to, so a test
 * can wait for the answer to the filters it set.
 */
@Component({
  selector: 'dc-list-status',
  imports: [TranslatePipe, LoadStateComponent],
  template: `
    @switch (state().kind) {
      @default {
        <dc-load-state [state]="state()" [errorTestId]="name() + '-error'" (retry)="retry.emit()" />
      }
      @case ('ready') {
        @if (count() === 0) {
          <p class="empty" [attr.data-testid]="name() + '-empty'" [attr.data-filter]="shows()">
            {{ name() + (filtered() ? '.empty' : '.emptyAll') | t }}
          </p>
        } @else {
          <p class="count" aria-live="polite">{{ name() + '.shown' | t: { count: count() } }}</p>
        }
      }
    }
  `,
  // No box of its own: the lines sit in the screen's layout; styles.css styles them.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListStatusComponent {
  readonly name = input.required<string>();
  readonly state = input.required<FilteredListState>();
  /** How many rows the list holds so far. */
  readonly count = input.required<number>();
  /** Whether any filter is set: the empty line then says the filters match nothing. */
  readonly filtered = input.required<boolean>();
  readonly retry = output();

  protected readonly shows = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.shows : null;
  });
}
