import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder until the screen lands. */
@Component({
  selector: 'dc-new-plan-page',
  template: '<p>…</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPlanPageComponent {}
