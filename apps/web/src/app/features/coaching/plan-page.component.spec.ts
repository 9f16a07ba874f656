import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiError } from '../../core/api/graphql.client';
import { SessionService } from '../../core/auth/session.service';
import type { Role } from '../../core/auth/session.service';
import type { UpdateCoachingPlanInput } from '../../graphql-types';
import { CoachingData } from './coaching.data';
import type { Plan } from './coaching.data';
import { PlanPageComponent } from './plan-page.component';
import { BarChartComponent } from '../../shared/charts/bar-chart.component';

/** jsdom has no canvas: the chart is another component's concern. */
@Component({ selector: 'dc-bar-chart', template: '' })
class NoChartComponent {
  readonly labels = input<unknown>();
  readonly series = input<unknown>();
  readonly reference = input<unknown>();
  readonly ariaLabel = input<unknown>();
  readonly height = input<unknown>();
}

const CRITERIA = ['R1', 'R2', 'R3', 'R4', 'R5'].map((code) => ({ code, title: `Regla ${code}` }));

function activePlan(): Plan {
  return {
    id: 'p1',
    version: 3,
    status: 'ACTIVE',
    focusCodes: ['R3', 'R4'],
    methods: ['ROLE_PLAY'],
    targetFocusScore: 80,
    startDate: '2025-03-03',
    dueDate: '2025-04-14',
    notes: 'Escucha activa',
    baseline: 43.75,
    current: 87.5,
    delta: 43.75,
    evaluationsSinceStart: 3,
    achieved: true,
    agent: { id: 'ag1', name: 'Lucía Pérez' },
    coach: { id: 'co1', name: 'Carmen Coach' },
    sessions: [],
  };
}

describe('PlanPageComponent: editing a plan (with the API stubbed)', () => {
  let fixture: ComponentFixture<PlanPageComponent>;
  let element: HTMLElement;
  /** The plan as the stubbed API has it now; `refuse` makes the next update fail with that error. */
  const data = {
    stored: activePlan(),
    refuse: null as ApiError | null,
    updates: [] as Array<[string, number, UpdateCoachingPlanInput]>,
    closes: [] as Array<[string, string, number]>,
    async plan() {
      return { coachingPlan: JSON.parse(JSON.stringify(this.stored)) as Plan, activeRubric: { criteria: CRITERIA } };
    },
    async evaluations() {
      return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
    },
    async update(id: string, version: number, input: UpdateCoachingPlanInput) {
      this.updates.push([id, version, input]);
      if (this.refuse) throw this.refuse;
      Object.assign(this.stored, input, { version: version + 1 });
      return { updateCoachingPlan: { id, version: version + 1 } };
    },
    async complete(id: string, version: number) {
      this.closes.push(['complete', id, version]);
      if (this.refuse) throw this.refuse;
      this.stored.status = 'COMPLETED';
      return { completeCoachingPlan: { id, status: 'COMPLETED' } };
    },
  };

  async function render(roles: Role[] = ['COACH']): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: CoachingData, useValue: data }] });
    TestBed.overrideComponent(PlanPageComponent, {
      remove: { imports: [BarChartComponent] },
      add: { imports: [NoChartComponent] },
    });
    TestBed.inject(SessionService).user.set({ id: 'co1', email: 'coach@x', name: 'Carmen Coach', roles, locale: 'es' });
    fixture = TestBed.createComponent(PlanPageComponent);
    fixture.componentRef.setInput('id', 'p1');
    element = fixture.nativeElement as HTMLElement;
    await settle();
  }

  /** Lets the stubbed requests answer and the page render. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }
  }

  const find = <T extends HTMLElement = HTMLElement>(testId: string) => element.querySelector<T>(`[data-testid="${testId}"]`);
  const text = (testId: string) => find(testId)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

  async function type(testId: string, value: string, event = 'input'): Promise<void> {
    const field = find<HTMLInputElement>(testId)!;
    field.value = value;
    field.dispatchEvent(new Event(event));
    await fixture.whenStable();
  }

  async function click(selector: string): Promise<void> {
    element.querySelector<HTMLElement>(selector)!.click();
    await settle();
  }

  beforeEach(() => {
    localStorage.clear();
    data.stored = activePlan();
    data.refuse = null;
    data.updates = [];
    data.closes = [];
  });
  afterEach(() => fixture.destroy());

  it('opens the form with the plan’s values, the start date shown but not editable', async () => {
    await render();
    expect(find('plan-edit-form')).toBeNull();
    await click('[data-testid="edit-plan"]');
    expect(find('plan-edit-form')).not.toBeNull();
    expect(find<HTMLInputElement>('plan-target')!.value).toBe('80');
    expect(find<HTMLInputElement>('plan-due')!.value).toBe('2025-04-14');
    expect(find<HTMLTextAreaElement>('plan-notes')!.value).toBe('Escucha activa');
    expect(find<HTMLInputElement>('plan-focus')!.querySelector<HTMLInputElement>('[data-code="R3"]')!.checked).toBe(true);
    expect(find('plan-start')).toBeNull();
    expect(text('plan-start-fixed')).toContain('2025');
    expect(find('edit-plan')).toBeNull();
  });

  it('sends only what changed with the version shown, then shows the new values', async () => {
    await render();
    await click('[data-testid="edit-plan"]');
    await type('plan-target', '90');
    await type('plan-due', '2025-05-05', 'change');
    await click('[data-testid="save-plan"]');
    expect(data.updates).toEqual([['p1', 3, { targetFocusScore: 90, dueDate: '2025-05-05' }]]);
    expect(find('plan-edit-form')).toBeNull();
    expect(text('plan-goal')).toBe('90,0');
    expect(text('plan-period')).toContain('5 de mayo de 2025');
    expect(element.textContent).toContain('Plan actualizado.');
  });

  it('says what is wrong beside each field before sending anything', async () => {
    await render();
    await click('[data-testid="edit-plan"]');
    await type('plan-target', '150');
    await type('plan-due', '2025-03-01', 'change');
    await click('input[data-method="ROLE_PLAY"]');
    await click('[data-testid="save-plan"]');
    expect(data.updates).toEqual([]);
    expect(element.querySelector('#plan-target-error')?.textContent).toContain('entre 0 y 100');
    expect(element.querySelector('#plan-due-error')?.textContent).toContain('posterior a la de inicio');
    expect(element.querySelector('#plan-methods-error')?.textContent).toContain('al menos un método');
    expect(find('plan-target')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('puts the server’s refusal next to the field it names', async () => {
    await render();
    data.refuse = new ApiError('BAD_USER_INPUT', 'R5: not a criterion of the active rubric.', 'input.focusCodes[1]');
    await click('[data-testid="edit-plan"]');
    await click('input[data-code="R5"]');
    await click('[data-testid="save-plan"]');
    expect(element.querySelector('#plan-focus-error')?.textContent).toContain('R5: not a criterion');
    expect(find('plan-edit-form')).not.toBeNull();
  });

  it('on CONFLICT explains that someone else changed the plan and reloads it into the form on request', async () => {
    await render();
    await click('[data-testid="edit-plan"]');
    await type('plan-target', '90');
    // Meanwhile someone else moved the goal to 70 (version 4).
    data.refuse = new ApiError('CONFLICT', 'This plan has changed since you read it.');
    Object.assign(data.stored, { targetFocusScore: 70, version: 4 });
    await click('[data-testid="save-plan"]');
    expect(text('plan-conflict')).toContain('Otra persona (o tú en otra pestaña) ha cambiado este plan');
    expect(find('plan-conflict')!.getAttribute('role')).toBe('alert');

    data.refuse = null;
    await click('[data-testid="plan-reload"]');
    expect(find('plan-conflict')).toBeNull();
    expect(text('plan-goal')).toBe('70,0');
    expect(find<HTMLInputElement>('plan-target')!.value).toBe('70');
    await type('plan-target', '90');
    await click('[data-testid="save-plan"]');
    expect(data.updates.at(-1)).toEqual(['p1', 4, { targetFocusScore: 90 }]);
  });

  it('completing sends the version shown', async () => {
    await render();
    await click('[data-testid="complete-plan"]');
    await click('[data-testid="confirm-yes"]');
    expect(data.closes).toEqual([['complete', 'p1', 3]]);
    expect(find('edit-plan')).toBeNull();
  });

  it('a CONFLICT on completing is explained the same way, and the plan is not closed', async () => {
    await render();
    data.refuse = new ApiError('CONFLICT', 'This plan has changed since you read it.');
    await click('[data-testid="complete-plan"]');
    await click('[data-testid="confirm-yes"]');
    expect(text('plan-conflict')).toContain('ha cambiado este plan');
    expect(find('plan-action-error')).toBeNull();
    expect(text('plan-status')).toBe('Activo');
  });

  it('offers no edit to the agent, nor on a closed plan', async () => {
    await render(['AGENT']);
    expect(find('edit-plan')).toBeNull();
    fixture.destroy();
    TestBed.resetTestingModule();
    data.stored.status = 'CANCELLED';
    await render();
    expect(find('edit-plan')).toBeNull();
  });
});
