import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/**
 * The loading line and the error block (message + Retry) every screen shows before its data is
 * ready; renders nothing once the state is anything else. Styled by `.problem` in styles.css.
 */
@Component({
  selector: 'dc-load-state',
  imports: [TranslatePipe],
  template: `
    @switch (state().kind) {
      @case ('loading') {
        <p class="muted" role="status" aria-busy="true">{{ 'common.loading' | t }}</p>
      }
      @case ('error') {
        <div class="problem" role="alert" [attr.data-testid]="errorTestId() || null">
          <p>{{ state().message }}</p>
          @if (canRetry()) {
            <button type="button" class="primary" (click)="retry.emit()">{{ 'common.retry' | t }}</button>
          }
        </div>
      }
    }
  `,
  // No box of its own: the line or block sits in the screen's layout as if written there.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadStateComponent {
  readonly state = input.required<{ kind: string; message?: string }>();
  /** The error block's data-testid, for screens whose tests look for it. */
  readonly errorTestId = input('');
  /** False where trying again cannot help (not found, not allowed). */
  readonly canRetry = input(true);
  readonly retry = output();
}
