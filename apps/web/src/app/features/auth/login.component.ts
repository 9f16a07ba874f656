import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { ApiError } from '../../core/api/graphql.client';
import { SessionService } from '../../core/auth/session.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { LanguageSwitchComponent } from '../../shell/language-switch.component';

@Component({
  selector: 'dc-login',
  imports: [TranslatePipe, LanguageSwitchComponent],
  template: `
    <div class="page">
      <section class="card" aria-labelledby="login-title">
        <div class="top"><dc-language-switch /></div>
        <p class="brand">{{ 'app.name' | t }}</p>
        <p class="tagline">{{ 'app.tagline' | t }}</p>
        <h1 id="login-title">{{ 'login.title' | t }}</h1>
        @if (notice(); as text) {
          <p class="notice" role="status">{{ text }}</p>
        }
        <form (submit)="submit($event)" novalidate>
          <label for="email">{{ 'login.email' | t }}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            [value]="email()"
            (input)="email.set(value($event))"
          />
          <label for="password">{{ 'login.password' | t }}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            [value]="password()"
            (input)="password.set(value($event))"
          />
          @if (error(); as message) {
            <p class="error" role="alert" data-testid="login-error">{{ message }}</p>
          }
          <button type="submit" class="primary" [disabled]="busy()" [attr.aria-busy]="busy()">
            {{ (busy() ? 'login.submitting' : 'login.submit') | t }}
          </button>
        </form>
      </section>
    </div>
  `,
  styles: `
    .page {
      min-height: 100vh;
      display: grid;
      place-items: center;
      padding: 1rem;
      background: linear-gradient(160deg, #eef2ff, #f8fafc);
    }
    .card {
      width: min(420px, 100%);
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 12px;
      padding: 2rem;
      box-shadow: 0 10px 30px rgb(15 23 42 / 8%);
    }
    .top {
      display: flex;
      justify-content: flex-end;
    }
    .brand {
      font-size: 1.8rem;
      font-weight: 800;
      color: var(--primary);
      margin: 0.25rem 0 0;
    }
    .tagline {
      color: var(--muted);
      margin: 0.25rem 0 1.25rem;
    }
    h1 {
      font-size: 1.2rem;
      margin: 0 0 1rem;
    }
    form {
      display: grid;
      gap: 0.4rem;
    }
    label {
      font-weight: 600;
      margin-top: 0.5rem;
    }
    input {
      font: inherit;
      padding: 0.6rem 0.7rem;
      border: 1px solid var(--border-strong);
      border-radius: 8px;
    }
    input:focus-visible {
      outline: 3px solid var(--focus);
      outline-offset: 1px;
    }
    button.primary {
      margin-top: 1rem;
    }
    .notice {
      background: #eff6ff;
      border: 1px solid #bfdbfe;
      padding: 0.6rem 0.8rem;
      border-radius: 8px;
    }
    .error {
      color: var(--danger);
      background: #fef2f2;
      border: 1px solid #fecaca;
      padding: 0.6rem 0.8rem;
      border-radius: 8px;
      margin: 0.5rem 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginComponent {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  /** Query parameters, bound by the router. */
  readonly reason = input<string>();
  readonly returnUrl = input<string>();

  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  private readonly errorState = signal<{
    key?: 'login.required' | 'login.failed' | 'login.tooMany' | 'error.network' | 'error.generic';
    message?: string;
  } | null>(null);
  protected readonly error = computed(() => {
    const state = this.errorState();
    if (!state) return null;
    return state.key ? this.i18n.t(state.key) : (state.message ?? null);
  });
  protected readonly notice = computed(() => {
    if (this.errorState()) return null;
    const reason = this.reason();
    if (reason === 'expired') return this.i18n.t('login.expired');
    if (reason === 'signedOut') return this.i18n.t('login.signedOut');
    return null;
  });

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    if (!this.email().trim() || !this.password()) {
      this.errorState.set({ key: 'login.required' });
      return;
    }
    this.busy.set(true);
    this.errorState.set(null);
    try {
      await this.session.login(this.email().trim(), this.password());
      const target = this.returnUrl();
      await this.router.navigateByUrl(target && target.startsWith('/') && !target.startsWith('//') ? target : '/');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK') this.errorState.set({ key: 'error.network' });
      else if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') this.errorState.set({ key: 'login.failed' });
      else if (error instanceof ApiError && error.code === 'TOO_MANY_REQUESTS') this.errorState.set({ key: 'login.tooMany' });
      else this.errorState.set({ key: 'error.generic' });
    } finally {
      this.busy.set(false);
    }
  }
}
