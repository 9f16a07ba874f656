import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { apiErrorMessage } from '../load-state/load-state';
import type { PagedList } from './paged-list';

/** What the footer reads of a list: any row type will do. */
type MoreSource = Pick<PagedList<unknown>, 'failure' | 'hasNextPage' | 'loadingMore' | 'more'>;

/**
 * The footer under a list read a page at a time: why the next page failed, then "load more"
 * while there is a next page, or a line saying the list is complete.
 *
 * `name` is the screen's prefix for its texts and test id, so each list keeps its own wording:
 * texts `<name>.more`, `<name>.loadingMore`, `<name>.end` and `<name>.loadError` (the message for
 * a page that could not be read; network and permission have their own); test id `<name>-more`.
 */
@Component({
  selector: 'dc-load-more',
  imports: [TranslatePipe],
  template: `
    <div class="more">
      @if (failed(); as message) {
        <p class="problem" role="alert">{{ message }}</p>
      }
      @if (list().hasNextPage()) {
        <button
          type="button"
          class="secondary"
          [attr.data-testid]="name() + '-more'"
          [disabled]="list().loadingMore()"
          (click)="list().more()"
        >
          {{ name() + (list().loadingMore() ? '.loadingMore' : '.more') | t }}
        </button>
      } @else {
        <p class="muted small">{{ name() + '.end' | t }}</p>
      }
    </div>
  `,
  // Only the footer's own spacing: the box, colours and buttons come from styles.css.
  styles: `
    :host {
      display: contents;
    }
    .problem {
      margin: 0;
    }
    .small {
      font-size: 0.88rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadMoreComponent {
  private readonly i18n = inject(I18nService);
  readonly name = input.required<string>();
  readonly list = input.required<MoreSource>();

  protected readonly failed = computed(() => {
    const failure = this.list().failure();
    return failure?.page === 'next' ? apiErrorMessage(this.i18n, failure.error, `${this.name()}.loadError`) : null;
  });
}
