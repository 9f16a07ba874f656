import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TextKey } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { EvaluationRowFieldsFragment, EvaluationStatus } from '../../graphql-types';
import type { PagedList } from '../paged-list/paged-list';

/** The screen's own words for the list (each screen keeps its texts under its own prefix). */
export interface EvaluationListTexts {
  date: TextKey;
  call: TextKey;
  evaluator: TextKey;
  score: TextKey;
  status: TextKey;
  statusOf: (status: EvaluationStatus) => TextKey;
  critical: TextKey;
  empty: TextKey;
  error: TextKey;
  more: TextKey;
}

/**
 * An agent's evaluations, newest call first, a page at a time: the table, its loading line,
 * its error with Retry and "load more". The screen owns the list and decides what it holds.
 */
@Component({
  selector: 'dc-evaluation-list',
  imports: [TranslatePipe, RouterLink],
  templateUrl: './evaluation-list.component.html',
  styleUrl: './evaluation-list.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvaluationListComponent {
  protected readonly i18n = inject(I18nService);
  readonly list = input.required<PagedList<EvaluationRowFieldsFragment>>();
  readonly texts = input.required<EvaluationListTexts>();
  /** Staff open the evaluation from its call id; an agent sees the id only. */
  readonly linkCalls = input(false);
  readonly tableTestId = input.required<string>();
  readonly moreTestId = input('');

  protected score(value: number | null): string {
    return value === null ? '—' : this.i18n.formatNumber(value, 1);
  }
}
