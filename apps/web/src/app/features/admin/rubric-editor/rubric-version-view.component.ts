import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { weightDigits } from './rubric-draft';
import type { RubricVersion } from './rubric-editor.data';
import { TEXTS } from './rubric-editor.texts';

/** A published or archived version, read-only: it never changes. */
@Component({
  selector: 'dc-rubric-version-view',
  imports: [TranslatePipe],
  template: `
    <p class="muted">
      @if (version().publishedAt; as date) {
        {{ 'rubricEditor.publishedOn' | t: { date: i18n.formatDate(date) } }} ·
      }
      {{ 'rubricEditor.readOnly' | t: { number: version().number, status: statusText() } }}
    </p>
    @if (criteria().length === 0) {
      <p class="muted">{{ 'rubricEditor.noCriteria' | t }}</p>
    } @else {
      <ol class="rules" data-testid="version-criteria">
        @for (criterion of criteria(); track criterion.code) {
          <li class="rule">
            <div class="line">
              <span class="code">{{ criterion.code }}</span>
              <div class="titles">
                <strong lang="es">{{ criterion.titleEs }}</strong>
                <span class="muted" lang="en">{{ criterion.titleEn }}</span>
              </div>
              <span class="weight">
                <span class="visually-hidden">{{ 'rubricEditor.field.weight' | t }}</span>
                {{ i18n.formatNumber(criterion.weight, digits(criterion.weight)) }}
              </span>
            </div>
            <div class="badges">
              @if (criterion.critical) {
                <span class="badge critical">{{ 'rubricEditor.flagCritical' | t }}</span>
              }
              @if (criterion.naAllowed) {
                <span class="badge">{{ 'rubricEditor.field.naAllowed' | t }}</span>
              }
            </div>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .muted {
      color: var(--muted);
    }
    .rules {
      list-style: none;
      padding: 0;
      margin: 0;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 10px;
    }
    .rule {
      padding: 0.7rem 1rem;
      border-bottom: 1px solid var(--border);
    }
    .rule:last-child {
      border-bottom: 0;
    }
    .line {
      display: grid;
      grid-template-columns: 3.5rem 1fr auto;
      gap: 0.75rem;
      align-items: baseline;
    }
    .code {
      font-weight: 800;
      color: var(--primary-strong);
    }
    .titles {
      display: flex;
      flex-direction: column;
    }
    .weight {
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      min-width: 2.5rem;
      text-align: right;
    }
    .badges {
      margin-left: 4.25rem;
      display: flex;
      gap: 0.4rem;
    }
    .badge {
      margin-top: 0.3rem;
      font-size: 0.75rem;
      border-radius: 999px;
      padding: 0.05rem 0.55rem;
      background: #f1f5f9;
      color: #334155;
    }
    .badge.critical {
      background: #fee2e2;
      color: #991b1b;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RubricVersionViewComponent {
  protected readonly i18n = inject(I18nService);
  readonly version = input.required<RubricVersion>();
  protected readonly digits = weightDigits;
  protected readonly criteria = computed(() => [...this.version().criteria].sort((a, b) => a.position - b.position));
  protected readonly statusText = computed(() => this.i18n.t(`rubricEditor.status.${this.version().status}`));

  constructor() {
    this.i18n.register(TEXTS);
  }
}
