import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { ApiError } from '../../core/api/graphql.client';
import { SessionService } from '../../core/auth/session.service';
import { DisputesPageComponent } from './disputes-page.component';
import { DisputesData } from './disputes.data';
import type { DisputeListPage, DisputeRow } from './disputes.data';

const row = (id: string, evaluatorId: string): DisputeRow => ({
  id,
  callStartedAt: '2025-03-03T09:00:00Z',
  score: 43.8,
  criticalFailure: false,
  agent: { id: 'ag1', name: 'Lucía Fernández' },
  evaluator: { id: evaluatorId, name: evaluatorId === 'me' ? 'Yo' : 'Otra persona' },
  call: { externalId: `C-${id}`, purpose: 'SUPPORT' },
  answers: [{ value: 1, notApplicable: false, criterion: { code: 'R3', title: 'Cuidar al cliente' } }],
  dispute: {
    codes: ['R3'],
    reason: 'El cliente quedó conforme.',
    createdAt: '2025-03-04T09:00:00Z',
    decision: null,
    resolutionComment: null,
    resolvedAt: null,
  },
});
const page = (nodes: DisputeRow[], hasNextPage = false): DisputeListPage => ({
  nodes,
  pageInfo: { endCursor: nodes.at(-1)?.id ?? null, hasNextPage },
});

describe('DisputesPageComponent (with the API stubbed)', () => {
  let fixture: ComponentFixture<DisputesPageComponent>;
  let answer: (after: string | null) => Promise<DisputeListPage>;
  const data = { list: (_status: string, _lang: string, after: string | null = null) => answer(after) };

  async function render(): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [{ provide: DisputesData, useValue: data }] });
    TestBed.inject(SessionService).user.set({ id: 'me', email: 'me@x', name: 'Yo', roles: ['EVALUATOR'], locale: 'es' });
    fixture = TestBed.createComponent(DisputesPageComponent);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => fixture.destroy());

  it('says there are no open disputes when the list is empty', async () => {
    answer = async () => page([]);
    const element = await render();
    expect(element.querySelector('[data-testid="disputes-empty"]')?.textContent).toContain('No hay reclamaciones abiertas');
  });

  it('shows the error with a Retry that loads again', async () => {
    answer = async () => {
      throw new ApiError('NETWORK', 'network');
    };
    const element = await render();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('No se pudo contactar con el servidor');
    answer = async () => page([row('1', 'other')]);
    element.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid="dispute-row"]')).toHaveLength(1);
  });

  it('offers to open others’ disputes and says why one’s own cannot be resolved', async () => {
    answer = async () => page([row('1', 'other'), row('2', 'me')]);
    const element = await render();
    const [other, own] = Array.from(element.querySelectorAll('[data-testid="dispute-row"]'));
    expect(other!.querySelector('[data-testid="open-dispute"]')).not.toBeNull();
    expect(own!.querySelector('[data-testid="open-dispute"]')).toBeNull();
    expect(own!.querySelector('[data-testid="not-resolvable"]')?.textContent).toContain('La escribiste tú');
  });

  it('loads the next page after the last cursor', async () => {
    answer = async (after) => (after === null ? page([row('1', 'other')], true) : page([row('2', 'other')]));
    const element = await render();
    element.querySelector<HTMLButtonElement>('.more button')!.click();
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid="dispute-row"]')).toHaveLength(2);
    expect(element.querySelector('.more')).toBeNull();
  });
});
