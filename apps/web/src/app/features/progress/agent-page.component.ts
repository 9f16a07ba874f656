import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder until the screen lands. */
@Component({
  selector: 'dc-agent-page',
  template: '<p>…</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentPageComponent {}
