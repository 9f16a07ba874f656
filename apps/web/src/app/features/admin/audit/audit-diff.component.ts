import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { diffJson } from './json-diff';

/** The record before and after one change, key by key, what changed highlighted. */
@Component({
  selector: 'dc-audit-diff',
  imports: [TranslatePipe],
  template: `
    @if (lines().length === 0) {
      <p class="none">{{ 'audit.diff.none' | t }}</p>
    } @else {
      <p class="summary">{{ 'audit.diff.summary' | t: { changed: changedCount(), total: lines().length } }}</p>
      <table class="diff" data-testid="audit-diff">
        <thead>
          <tr>
            <th scope="col">{{ 'audit.diff.field' | t }}</th>
            <th scope="col">{{ 'audit.diff.before' | t }}</th>
            <th scope="col">{{ 'audit.diff.after' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (line of lines(); track line.path) {
            <tr [class]="line.change" [attr.data-change]="line.change" [attr.data-path]="line.path">
              <th scope="row">
                <code>{{ line.path }}</code>
                @if (line.change !== 'same') {
                  <span class="change-tag">{{ 'audit.diff.' + line.change | t }}</span>
                }
              </th>
              <td class="before">
                @if (line.before === undefined) {
                  <span class="absent">{{ 'audit.diff.empty' | t }}</span>
                } @else {
                  <code>{{ line.before }}</code>
                }
              </td>
              <td class="after">
                @if (line.after === undefined) {
                  <span class="absent">{{ 'audit.diff.empty' | t }}</span>
                } @else {
                  <code>{{ line.after }}</code>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .summary,
    .none {
      margin: 0 0 0.5rem;
      font-size: 0.85rem;
      color: var(--muted);
    }
    .diff {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85rem;
      background: var(--surface);
      border: 1px solid var(--border);
      table-layout: fixed;
    }
    .diff th,
    .diff td {
      text-align: left;
      padding: 0.35rem 0.6rem;
      border-bottom: 1px solid var(--border);
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    .diff thead th {
      font-size: 0.75rem;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: var(--muted);
      background: #f1f5f9;
    }
    .diff thead th:first-child {
      width: 32%;
    }
    tbody th {
      font-weight: 500;
    }
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.82rem;
      white-space: pre-wrap;
    }
    tr.same {
      color: var(--muted);
    }
    tr.changed {
      background: #fef9c3;
    }
    tr.changed .before code {
      color: #991b1b;
      text-decoration: line-through;
    }
    tr.changed .after code {
      color: #065f46;
      font-weight: 600;
    }
    tr.added {
      background: #ecfdf5;
    }
    tr.removed {
      background: #fef2f2;
    }
    .change-tag {
      display: inline-block;
      margin-left: 0.4rem;
      font-size: 0.7rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: #713f12;
    }
    tr.added .change-tag {
      color: #065f46;
    }
    tr.removed .change-tag {
      color: #991b1b;
    }
    .absent {
      color: var(--muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditDiffComponent {
  readonly before = input.required<string | null>();
  readonly after = input.required<string | null>();
  protected readonly lines = computed(() => diffJson(this.before(), this.after()));
  protected readonly changedCount = computed(() => this.lines().filter((l) => l.change !== 'same').length);
}
