import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CALL_PURPOSES, CSV_COLUMNS, exampleCsv } from './calls-csv';
import { TEXTS } from './imports.texts';

/** The file's columns (required or not, what each holds) and an example file made in the browser. */
@Component({
  selector: 'dc-import-help',
  imports: [TranslatePipe],
  template: `
    <section class="help" aria-labelledby="help-title">
      <div class="help-head">
        <h2 id="help-title">{{ 'imports.help' | t }}</h2>
        <button type="button" class="secondary" data-testid="download-example" (click)="downloadExample()">
          ↓ {{ 'imports.example' | t }}
        </button>
      </div>
      <p class="muted">{{ 'imports.helpIntro' | t }}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'imports.col.name' | t }}</th>
              <th scope="col">{{ 'imports.col.required' | t }}</th>
              <th scope="col">{{ 'imports.col.what' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (column of columns; track column.name) {
              <tr>
                <th scope="row">
                  <code>{{ column.name }}</code>
                </th>
                <td>
                  <span class="req" [class.yes]="column.required">{{
                    (column.required ? 'imports.yes' : 'imports.no') | t
                  }}</span>
                </td>
                <td>{{ 'imports.about.' + column.name | t: { values: purposes } }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styles: `
    .help {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 10px;
      padding: 1rem 1.25rem;
    }
    .help-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0;
    }
    .muted {
      color: var(--muted);
      margin: 0.4rem 0 0.75rem;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.4rem 0.6rem;
      border-bottom: 1px solid var(--border);
      vertical-align: top;
    }
    thead th {
      font-size: 0.78rem;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: var(--muted);
    }
    tbody th {
      white-space: nowrap;
      font-weight: 500;
    }
    code {
      font-size: 0.88rem;
      color: var(--primary-strong);
    }
    .req {
      color: var(--muted);
    }
    .req.yes {
      color: var(--text);
      font-weight: 700;
    }
    button.secondary {
      background: #fff;
      color: var(--primary-strong);
      border: 1px solid var(--primary);
      border-radius: 8px;
      padding: 0.45rem 0.9rem;
      font-weight: 600;
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportHelpComponent {
  private readonly i18n = inject(I18nService);
  protected readonly columns = CSV_COLUMNS;
  protected readonly purposes = CALL_PURPOSES.join(', ');

  constructor() {
    this.i18n.register(TEXTS);
  }

  /** UTF-8 with a BOM, so a spreadsheet in either locale opens it with the accents intact. */
  protected downloadExample(): void {
    const csv = '\ufeff' + exampleCsv(this.i18n.t('imports.exampleEmail'));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = this.i18n.t('imports.exampleFile');
    link.click();
    // Let the click start the download before the object URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
