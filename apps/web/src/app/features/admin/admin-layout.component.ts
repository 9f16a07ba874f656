import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { TranslationKey } from '../../core/i18n/es';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

const SECTIONS: ReadonlyArray<{ path: string; label: TranslationKey }> = [
  { path: 'users', label: 'admin.users' },
  { path: 'teams', label: 'admin.teams' },
  { path: 'rubric', label: 'admin.rubric' },
  { path: 'imports', label: 'admin.imports' },
  { path: 'audit', label: 'admin.audit' },
];

/** Administration: one tab per section, each a lazy screen of its own. */
@Component({
  selector: 'dc-admin-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    <nav class="tabs" [attr.aria-label]="'admin.sections' | t">
      @for (section of sections; track section.path) {
        <a
          [routerLink]="section.path"
          routerLinkActive="active"
          ariaCurrentWhenActive="page"
          [attr.data-testid]="'admin-tab-' + section.path"
          >{{ section.label | t }}</a
        >
      }
    </nav>
    <router-outlet />
  `,
  styles: `
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 1px solid var(--border);
      margin-bottom: 1.25rem;
    }
    .tabs a {
      padding: 0.5rem 0.9rem;
      color: var(--text);
      text-decoration: none;
      border-bottom: 3px solid transparent;
    }
    .tabs a.active {
      border-bottom-color: var(--primary);
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminLayoutComponent {
  protected readonly sections = SECTIONS;
}
