import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TextKey } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { apiErrorMessage } from '../../shared/load-state/load-state';
import type { PagedList } from '../../shared/paged-list/paged-list';

/**
 * What goes under a list of evaluation cards: its loading line, its error with Retry, the line
 * saying it is empty, and "load more" while there are more pages.
 */
@Component({
  selector: 'dc-list-footer',
  imports: [TranslatePipe],
  template: `
    @let l = list();
    @if (l.loading()) {
      <p class="muted" role="status" aria-busy="true">{{ 'common.loading' | t }}</p>
    } @else if (failure(); as message) {
      <div class="problem" role="alert" [attr.data-testid]="testId() + '-error'">
        <p>{{ message }}</p>
        <button type="button" class="primary" (click)="l.retry()">{{ 'common.retry' | t }}</button>
      </div>
    } @else if (!l.nodes().length) {
      <p class="empty" [attr.data-testid]="testId() + '-empty'">{{ empty() | t }}</p>
    }
    @if (l.hasNextPage() && !l.loading() && !l.failure()) {
      <div class="more">
        <button type="button" class="secondary" [attr.data-testid]="testId() + '-more'" (click)="l.more()">
          {{ 'feedback.more' | t }}
        </button>
      </div>
    }
  `,
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListFooterComponent {
  private readonly i18n = inject(I18nService);
  readonly list = input.required<PagedList<unknown>>();
  /** Prefix of the test ids: `<testId>-error`, `-empty`, `-more`. */
  readonly testId = input.required<string>();
  readonly empty = input.required<TextKey>();
  /** The section's own words for a first page that failed. */
  readonly error = input.required<TextKey>();

  protected readonly failure = computed(() => {
    const failure = this.list().failure();
    if (!failure) return null;
    return apiErrorMessage(this.i18n, failure.error, failure.page === 'next' ? 'feedback.moreError' : this.error());
  });
}
