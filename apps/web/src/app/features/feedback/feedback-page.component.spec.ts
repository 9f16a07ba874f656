import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiError } from '../../core/api/graphql.client';
import type { EvaluationStatus } from '../../graphql-types';
import type { Page } from '../../shared/paged-list/paged-list';
import { FeedbackPageComponent } from './feedback-page.component';
import { FeedbackData } from './feedback.data';
import type { FeedbackEvaluation, MyCoachingPlans } from './feedback.data';

const CODES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'];
const DAY = 24 * 3600_000;

function evaluation(
  id: string,
  status: EvaluationStatus,
  daysAgo: number,
  extra: Partial<FeedbackEvaluation> = {},
): FeedbackEvaluation {
  return {
    id,
    status,
    score: 81.3,
    rawScore: 81.3,
    criticalFailure: false,
    submittedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
    disputableUntil: status === 'SUBMITTED' ? new Date(Date.now() + (7 - daysAgo) * DAY).toISOString() : null,
    callStartedAt: new Date(Date.now() - daysAgo * DAY - 3600_000).toISOString(),
    comment: 'Buena llamada en general.',
    evaluator: { name: 'Elena Evaluadora' },
    call: { externalId: `C-${id}`, purpose: 'SUPPORT' },
    answers: CODES.map((code) => ({
      value: code === 'R2' ? null : code === 'R1' ? 1 : 3,
      notApplicable: code === 'R2',
      comment: code === 'R1' ? 'No identifica al cliente.' : null,
      evidenceSeconds: code === 'R1' ? 70 : null,
      criterion: { code, title: `Regla ${code}` },
    })),
    dispute: null,
    ...extra,
  };
}

const PLANS: MyCoachingPlans = {
  coachingPlans: [
    {
      id: 'closed',
      status: 'CANCELLED',
      focusCodes: ['R8'],
      targetFocusScore: 80,
      startDate: '2025-01-01',
      dueDate: '2025-02-01',
      baseline: 50,
      current: null,
      coach: { name: 'Carmen Coach' },
      sessions: [],
    },
    {
      id: 'open',
      status: 'ACTIVE',
      focusCodes: ['R1', 'R3'],
      targetFocusScore: 70,
      startDate: '2025-03-01',
      dueDate: '2099-05-01',
      baseline: 55,
      current: 62.5,
      coach: { name: 'Carmen Coach' },
      sessions: [
        {
          id: 's1',
          date: '2025-03-08',
          notes: 'Escucha de dos llamadas.',
          agreedActions: 'Presentarse siempre.',
          acknowledgedAt: null,
        },
      ],
    },
  ],
  activeRubric: { criteria: CODES.map((code) => ({ code, title: `Regla ${code}` })) },
};

describe('FeedbackPageComponent (with the API stubbed)', () => {
  let fixture: ComponentFixture<FeedbackPageComponent>;
  let store: FeedbackEvaluation[];
  let failing: Set<string>;
  let disputeRefusal: ApiError | null;
  let sessionsAcknowledged: string[];

  const data = {
    async evaluations(
      status: EvaluationStatus[],
      _lang: string,
      first: number,
      after: string | null,
    ): Promise<Page<FeedbackEvaluation>> {
      if (failing.has(status.join())) throw new ApiError('INTERNAL_SERVER_ERROR', 'boom');
      const all = store.filter((e) => status.includes(e.status)).sort((a, b) => b.callStartedAt.localeCompare(a.callStartedAt));
      const start = after ? Number(after) : 0;
      const nodes = all.slice(start, start + first);
      return { nodes, pageInfo: { hasNextPage: start + first < all.length, endCursor: String(start + first) } };
    },
    async plans() {
      if (failing.has('plans')) throw new ApiError('NETWORK', 'offline');
      return PLANS;
    },
    async acknowledge(id: string) {
      store = store.map((e) => (e.id === id ? { ...e, status: 'ACKNOWLEDGED' } : e));
    },
    async dispute(id: string, codes: string[], reason: string) {
      if (disputeRefusal) throw disputeRefusal;
      store = store.map((e) =>
        e.id === id ? { ...e, status: 'DISPUTED', dispute: { codes, reason, decision: null, resolutionComment: null } } : e,
      );
    },
    async acknowledgeSession(id: string) {
      sessionsAcknowledged.push(id);
    },
  };

  async function render(): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: FeedbackData, useValue: data }] });
    fixture = TestBed.createComponent(FeedbackPageComponent);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }
  }

  const section = (element: HTMLElement, testId: string) => element.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
  const cards = (element: HTMLElement, testId: string) =>
    [...section(element, testId).querySelectorAll<HTMLElement>('[data-testid="feedback-evaluation"]')].map((card) =>
      card.getAttribute('data-id'),
    );
  const click = async (element: Element | null) => {
    (element as HTMLElement).click();
    await settle();
  };

  beforeEach(() => {
    localStorage.clear();
    failing = new Set();
    disputeRefusal = null;
    sessionsAcknowledged = [];
    store = [
      evaluation('new', 'SUBMITTED', 1),
      evaluation('old', 'SUBMITTED', 3, {
        score: 0,
        rawScore: 72.5,
        criticalFailure: true,
      }),
      evaluation('resolved', 'RESOLVED', 9, {
        dispute: { codes: ['R1'], reason: 'Sí me presenté.', decision: 'AMEND', resolutionComment: 'Se oye al minuto 1.' },
      }),
      ...Array.from({ length: 11 }, (_, i) => evaluation(`h${i}`, 'ACKNOWLEDGED', 10 + i)),
    ];
  });
  afterEach(() => fixture.destroy());

  it('lists the evaluations to acknowledge newest call first, then the plan, then the earlier ones with their disputes a page at a time', async () => {
    const element = await render();
    const headings = [...element.querySelectorAll('h2')].map((h) => h.textContent!.trim());
    expect(headings).toEqual(['Para confirmar (2)', 'Mi plan de coaching', 'Anteriores']);
    expect(cards(element, 'to-confirm')).toEqual(['new', 'old']);
    expect(cards(element, 'history')).toHaveLength(10);

    const resolved = section(element, 'history').querySelector('[data-id="resolved"]')!;
    expect(resolved.querySelector('[data-testid="feedback-status"]')!.textContent!.trim()).toBe('Reclamación resuelta');
    expect(resolved.querySelector('[data-testid="dispute-info"]')!.textContent).toContain('Sí me presenté.');
    expect(resolved.querySelector('[data-testid="dispute-decision"]')!.textContent).toContain('Corregida — Se oye al minuto 1.');
    expect(resolved.querySelector('[data-testid="acknowledge"]')).toBeNull();

    await click(element.querySelector('[data-testid="history-more"]'));
    expect(cards(element, 'history')).toHaveLength(12);
    expect(element.querySelector('[data-testid="history-more"]')).toBeNull();
  });

  it('shows a critical failure with the raw score, the points to improve and every rule with its scale label', async () => {
    const element = await render();
    const old = element.querySelector('[data-id="old"]')!;
    expect(old.querySelector('[data-testid="critical-note"]')!.textContent).toContain('la llamada queda en 0');
    expect(old.querySelector('[data-testid="critical-note"]')!.textContent).toContain('72,5');
    const points = old.querySelector('[data-testid="improve-points"]')!.textContent!;
    expect(points).toContain('R1 · Regla R1');
    expect(points).toContain('1 · Deficiente');
    expect(points).toContain('[01:10]');
    const rows = [...old.querySelectorAll('[data-testid="rule-row"]')].map((row) => [
      row.getAttribute('data-code'),
      row.querySelector('[data-testid="rule-answer"]')!.textContent!.trim(),
    ]);
    expect(rows).toHaveLength(10);
    expect(rows[1]).toEqual(['R2', 'No aplica']);
    expect(rows[2]).toEqual(['R3', '3 · Bien']);
  });

  it('translates the plan status, names the focus rules and lets the agent acknowledge a session', async () => {
    const element = await render();
    const plans = section(element, 'feedback-plans');
    const statuses = [...plans.querySelectorAll('[data-testid="plan-status"]')].map((b) => b.textContent!.trim());
    expect(statuses).toEqual(['Activo', 'Cancelado']);
    expect(plans.querySelector('[data-testid="plan-focus"]')!.textContent).toContain('R3 Regla R3');
    expect(plans.querySelector('[data-testid="plan-progress"]')!.textContent).toContain('55,0 → 62,5');
    await click(plans.querySelector('[data-testid="ack-session"]'));
    expect(sessionsAcknowledged).toEqual(['s1']);
    expect(section(element, 'feedback-notice').textContent).toContain('Sesión del 8 de marzo de 2025 confirmada.');
    expect(document.activeElement?.id).toBe('plan-open');
  });

  it('acknowledging moves the card under "Anteriores", announces it and puts focus on the card that took its place', async () => {
    const element = await render();
    await click(element.querySelector('[data-id="new"] [data-testid="acknowledge"]'));
    expect(cards(element, 'to-confirm')).toEqual(['old']);
    expect(cards(element, 'history')[0]).toBe('new');
    expect(section(element, 'feedback-notice').textContent).toContain('C-new confirmada');
    expect(document.activeElement?.id).toBe('evaluation-old-title');
    expect(element.querySelector('h2')!.textContent).toContain('(1)');
  });

  it('the dispute form asks for a rule and a reason, shows the server refusal, and once sent the card shows the dispute', async () => {
    const element = await render();
    const card = () => element.querySelector('[data-id="new"]')!;
    await click(card().querySelector('[data-testid="open-dispute"]'));
    await click(card().querySelector('[data-testid="send-dispute"]'));
    expect(card().textContent).toContain('Elige al menos una regla.');
    expect(card().textContent).toContain('Explica el motivo de la reclamación.');

    await click(card().querySelector('input[data-code="R1"]'));
    const reason = card().querySelector<HTMLTextAreaElement>('[data-testid="dispute-reason"]')!;
    reason.value = 'El cliente quedó conforme.';
    reason.dispatchEvent(new Event('input'));
    disputeRefusal = new ApiError('BAD_USER_INPUT', 'The 7-day window to dispute this evaluation closed on 2025-03-10.');
    await click(card().querySelector('[data-testid="send-dispute"]'));
    expect(card().querySelector('[data-testid="dispute-error"]')!.textContent).toContain('window to dispute');
    expect(cards(element, 'to-confirm')).toEqual(['new', 'old']);

    disputeRefusal = null;
    await click(card().querySelector('[data-testid="send-dispute"]'));
    expect(cards(element, 'to-confirm')).toEqual(['old']);
    const moved = section(element, 'history').querySelector('[data-id="new"]')!;
    expect(moved.querySelector('[data-testid="dispute-codes"]')!.textContent).toBe('R1');
    expect(moved.querySelector('[data-testid="dispute-decision"]')!.textContent).toContain('Pendiente');
    expect(moved.querySelector('[data-testid="acknowledge"]')).toBeNull();
  });

  it('each section fails on its own, with its own message and a Retry', async () => {
    failing = new Set(['ACKNOWLEDGED,DISPUTED,RESOLVED', 'plans']);
    const element = await render();
    expect(cards(element, 'to-confirm')).toEqual(['new', 'old']);
    expect(section(element, 'history-error').textContent).toContain('No se pudieron cargar las evaluaciones anteriores.');
    expect(section(element, 'plans-error').textContent).toContain('No se pudo contactar con el servidor');

    failing.clear();
    await click(section(element, 'history-error').querySelector('button'));
    expect(cards(element, 'history')).toHaveLength(10);
  });

  it('says so when there is nothing to acknowledge', async () => {
    store = store.filter((e) => e.status !== 'SUBMITTED');
    const element = await render();
    expect(section(element, 'to-confirm-empty').textContent).toContain('No tienes evaluaciones por confirmar');
    expect(element.querySelector('h2')!.textContent).toContain('(0)');
  });
});
