import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder until the screen lands. */
@Component({
  selector: 'dc-team-page',
  template: '<p>…</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPageComponent {}
