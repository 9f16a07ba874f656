import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SCREENS } from '@decalogo/access';
import type { ScreenName } from '@decalogo/access';
import { SessionService } from '../core/auth/session.service';
import type { TranslationKey } from '../core/i18n/es';
import { I18nService } from '../core/i18n/i18n.service';
import { TranslatePipe } from '../core/i18n/translate.pipe';
import { LanguageSwitchComponent } from './language-switch.component';

interface NavLink {
  /** The screen of libs/access's map: its path and who sees it. */
  screen: ScreenName;
  label: TranslationKey;
}

/** The menu, in order; each entry is shown to the roles that see its screen. */
const NAV_LINKS: readonly NavLink[] = [
  { screen: 'feedback', label: 'nav.feedback' },
  { screen: 'myProgress', label: 'nav.myProgress' },
  { screen: 'team', label: 'nav.team' },
  { screen: 'coaching', label: 'nav.coaching' },
  { screen: 'queue', label: 'nav.queue' },
  { screen: 'evaluations', label: 'nav.evaluations' },
  { screen: 'disputes', label: 'nav.disputes' },
  { screen: 'rubric', label: 'nav.rubric' },
  { screen: 'admin', label: 'nav.admin' },
];

@Component({
  selector: 'dc-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, LanguageSwitchComponent],
  template: `
    <a class="skip" href="#main">{{ 'nav.main' | t }}</a>
    <header class="bar">
      <a class="brand" routerLink="/">{{ 'app.name' | t }}</a>
      <nav [attr.aria-label]="'nav.main' | t">
        @for (link of links(); track link.path) {
          <a [routerLink]="link.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ link.label | t }}</a>
        }
      </nav>
      <div class="me">
        @if (session.user(); as user) {
          <span class="who" data-testid="user-name">
            {{ user.name }}
            <small>{{ roleLabels() }}</small>
          </span>
        }
        <dc-language-switch />
        <button type="button" class="link" data-testid="sign-out" (click)="signOut()">{{ 'nav.signOut' | t }}</button>
      </div>
    </header>
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    .skip {
      position: absolute;
      left: -999px;
    }
    .skip:focus {
      left: 1rem;
      top: 0.5rem;
      z-index: 10;
      background: #fff;
      padding: 0.5rem;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 1.5rem;
      flex-wrap: wrap;
      padding: 0.75rem 1.5rem;
      background: var(--surface);
      border-bottom: 1px solid var(--border);
    }
    .brand {
      font-weight: 700;
      font-size: 1.2rem;
      color: var(--primary);
      text-decoration: none;
    }
    nav {
      display: flex;
      gap: 1rem;
      flex: 1;
    }
    nav a {
      color: var(--text);
      text-decoration: none;
      white-space: nowrap;
      padding: 0.35rem 0.1rem;
      border-bottom: 2px solid transparent;
    }
    nav a.active {
      border-bottom-color: var(--primary);
      font-weight: 600;
    }
    .me {
      display: flex;
      align-items: center;
      gap: 1rem;
    }
    .who {
      display: flex;
      flex-direction: column;
      line-height: 1.2;
      text-align: right;
    }
    .who small {
      color: var(--muted);
    }
    main {
      padding: 1.5rem;
      max-width: 1200px;
      margin: 0 auto;
      outline: none;
    }
    @media (max-width: 1360px) {
      /* Brand and user menu on the first line, the sections on a scrollable line of their own. */
      .bar {
        gap: 0.5rem 0.75rem;
        padding: 0.5rem 1rem 0;
      }
      .me {
        margin-left: auto;
      }
      nav {
        order: 3;
        flex-basis: 100%;
        overflow-x: auto;
        gap: 1.1rem;
        padding-bottom: 0.25rem;
      }
    }
    @media (max-width: 800px) {
      .who {
        display: none;
      }
      main {
        padding: 1rem;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  protected readonly session = inject(SessionService);
  private readonly router = inject(Router);
  protected readonly links = computed(() => {
    return NAV_LINKS.filter((link) => this.session.sees(link.screen)).map((link) => ({
      path: `/${SCREENS[link.screen].path}`,
      label: link.label,
    }));
  });
  private readonly i18n = inject(I18nService);
  protected readonly roleLabels = computed(() =>
    (this.session.user()?.roles ?? []).map((role) => this.i18n.t(`role.${role}`)).join(' · '),
  );

  async signOut(): Promise<void> {
    await this.session.logout();
    await this.router.navigate(['/login'], { queryParams: { reason: 'signedOut' } });
  }
}
