import type { ElementRef } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, afterNextRender, inject, input, output, viewChild } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

/**
 * A modal question before a change that locks someone out (or lets them back in). The native
 * dialog keeps the focus inside and closes on Escape.
 */
@Component({
  selector: 'dc-confirm-dialog',
  imports: [TranslatePipe],
  template: `
    <dialog
      #dialog
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      data-testid="confirm-dialog"
      (cancel)="$event.preventDefault(); cancelled.emit()"
    >
      <h2 id="confirm-title">{{ title() }}</h2>
      <p id="confirm-text">{{ text() }}</p>
      <div class="actions">
        <button type="button" class="secondary" (click)="cancelled.emit()">{{ 'people.confirm.cancel' | t }}</button>
        <button
          type="button"
          class="primary"
          [class.danger]="danger()"
          data-testid="confirm"
          [disabled]="busy()"
          (click)="confirmed.emit()"
        >
          {{ confirmLabel() }}
        </button>
      </div>
    </dialog>
  `,
  styles: `
    dialog {
      border: 0;
      border-radius: 12px;
      padding: 1.25rem 1.5rem;
      max-width: min(28rem, calc(100vw - 2rem));
      box-shadow: 0 20px 50px rgb(15 23 42 / 0.25);
    }
    dialog::backdrop {
      background: rgb(15 23 42 / 0.45);
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.15rem;
    }
    p {
      margin: 0;
      color: var(--muted);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.6rem;
      margin-top: 1.25rem;
    }
    .secondary {
      background: #fff;
      border: 1px solid var(--border-strong);
      border-radius: 8px;
      padding: 0.55rem 1rem;
      cursor: pointer;
    }
    .primary.danger {
      background: var(--danger);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  readonly title = input.required<string>();
  readonly text = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly danger = input(false);
  readonly busy = input(false);
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    // Back to the button that asked, once the question is answered.
    const opener = inject(DOCUMENT).activeElement as HTMLElement | null;
    inject(DestroyRef).onDestroy(() => opener?.focus());
    afterNextRender(() => this.dialog().nativeElement.showModal());
  }
}
