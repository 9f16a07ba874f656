import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output, signal } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** What the agent sends: the criteria they contest and why. */
export interface DisputeRequest {
  codes: string[];
  reason: string;
}

/**
 * The dispute form of one evaluation: the rules contested (at least one) and the reason. It
 * checks both before sending; the server's refusal (e.g. the window has closed) shows under it.
 */
@Component({
  selector: 'dc-dispute-form',
  imports: [TranslatePipe],
  template: `
    <form class="dispute" novalidate [attr.aria-labelledby]="formId() + '-title'" (submit)="$event.preventDefault(); send()">
      <h4 [id]="formId() + '-title'">{{ 'feedback.disputeTitle' | t: { id: callId() } }}</h4>
      <fieldset [attr.aria-describedby]="codesError() ? formId() + '-codes-error' : null">
        <legend>{{ 'feedback.disputeCodes' | t }}</legend>
        <div class="codes">
          @for (rule of rules(); track rule.code) {
            <label class="code" [title]="rule.title"
              ><input
                type="checkbox"
                [attr.data-code]="rule.code"
                [attr.aria-invalid]="codesError() ? 'true' : null"
                [checked]="codes().includes(rule.code)"
                (change)="toggle(rule.code)"
              />
              {{ rule.code }}<span class="visually-hidden"> · {{ rule.title }}</span></label
            >
          }
        </div>
        @if (codesError()) {
          <p class="field-error" [id]="formId() + '-codes-error'">{{ 'feedback.disputeNeedsCodes' | t }}</p>
        }
      </fieldset>
      <div class="field">
        <label [for]="formId() + '-reason'">{{ 'feedback.disputeReason' | t }}</label>
        <textarea
          [id]="formId() + '-reason'"
          data-testid="dispute-reason"
          rows="3"
          [value]="reason()"
          [attr.aria-invalid]="reasonError() ? 'true' : null"
          [attr.aria-describedby]="reasonError() ? formId() + '-reason-error' : null"
          (input)="setReason($event)"
        ></textarea>
        @if (reasonError()) {
          <p class="field-error" [id]="formId() + '-reason-error'">{{ 'feedback.disputeNeedsReason' | t }}</p>
        }
      </div>
      @if (error(); as message) {
        <p class="problem" role="alert" data-testid="dispute-error">{{ message }}</p>
      }
      <div class="actions">
        <button type="submit" class="primary" data-testid="send-dispute" [disabled]="busy()">
          {{ (busy() ? 'feedback.sending' : 'feedback.sendDispute') | t }}
        </button>
        <button type="button" class="secondary" data-testid="cancel-dispute" (click)="cancel.emit()">
          {{ 'feedback.cancel' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .dispute {
      display: grid;
      gap: 0.7rem;
      margin-top: 0.8rem;
      border-top: 1px solid var(--border);
      padding-top: 0.8rem;
    }
    h4 {
      margin: 0;
      font-size: 1rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 0.3rem;
      font-size: 0.85rem;
      color: var(--muted);
    }
    .codes {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem 1rem;
    }
    .code {
      display: inline-flex;
      gap: 0.3rem;
      align-items: center;
      min-height: 1.8rem;
    }
    textarea {
      width: 100%;
      resize: vertical;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DisputeFormComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** Prefix of the form's element ids, unique on the page. */
  readonly formId = input.required<string>();
  readonly callId = input.required<string>();
  /** The rules of the evaluation, any of which may be contested. */
  readonly rules = input.required<ReadonlyArray<{ code: string; title: string }>>();
  readonly busy = input(false);
  /** Why the server refused the last dispute sent. */
  readonly error = input<string | null>(null);
  readonly submitted = output<DisputeRequest>();
  readonly cancel = output();

  protected readonly codes = signal<string[]>([]);
  protected readonly reason = signal('');
  protected readonly codesError = signal(false);
  protected readonly reasonError = signal(false);

  constructor() {
    // Opened from the card's Dispute button: the first rule is where the form starts.
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('input[type="checkbox"]')?.focus());
  }

  protected toggle(code: string): void {
    this.codes.update((codes) => (codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code]));
    if (this.codes().length) this.codesError.set(false);
  }

  protected setReason(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
    if (this.reason().trim()) this.reasonError.set(false);
  }

  protected send(): void {
    const reason = this.reason().trim();
    this.codesError.set(!this.codes().length);
    this.reasonError.set(!reason);
    if (this.codesError() || this.reasonError()) {
      const invalid = this.codesError() ? 'input[type="checkbox"]' : 'textarea';
      this.host.nativeElement.querySelector<HTMLElement>(invalid)?.focus();
      return;
    }
    // In rubric order, whatever order they were ticked in.
    const order = this.rules().map((r) => r.code);
    const codes = [...this.codes()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    this.submitted.emit({ codes, reason });
  }
}
