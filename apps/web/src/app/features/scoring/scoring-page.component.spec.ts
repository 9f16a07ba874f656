import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { computeScore, DEFAULT_RUBRIC, roundHalfAwayFromZero } from '@decalogo/scoring';
import { I18nService } from '../../core/i18n/i18n.service';
import { ScoringPageComponent } from './scoring-page.component';
import { ScoringData } from './scoring.data';
import type { Workspace } from './scoring.data';

/** A draft of the default rubric with nothing answered yet, as the API would return it. */
function draft(): Workspace {
  return {
    id: 'e1',
    status: 'DRAFT',
    version: 1,
    score: null,
    rawScore: null,
    criticalFailure: null,
    resolution: null,
    supervisorRequested: false,
    supervisorProvided: null,
    comment: null,
    agent: { name: 'Lucía Pérez' },
    call: {
      externalId: 'C-1001',
      startedAt: '2025-03-03T09:00:00Z',
      durationSeconds: 300,
      direction: 'INBOUND',
      purpose: 'SUPPORT',
      recordingUrl: null,
      transcript: [
        { speaker: 'AGENT', text: 'Buenos días, le atiende Lucía.', offsetSeconds: 1 },
        { speaker: 'CUSTOMER', text: 'Hola, no tengo internet.', offsetSeconds: 5 },
      ],
    },
    rubricVersion: {
      number: 1,
      criteria: DEFAULT_RUBRIC.map((c) => ({
        code: c.code,
        weight: c.weight,
        critical: c.critical,
        naAllowed: c.naAllowed,
        position: c.position,
        title: c.title.es,
        listenFor: c.listenFor.es,
      })),
    },
    answers: [],
  };
}

describe('ScoringPageComponent (the scoring form, with the API stubbed)', () => {
  let fixture: ComponentFixture<ScoringPageComponent>;
  let element: HTMLElement;
  let i18n: I18nService;
  /** The data service, stubbed: every draft loads empty, saves succeed (ESM tests have no `jest.fn`). */
  const data = {
    loads: [] as Array<[string, string]>,
    async workspace(id: string, lang: string): Promise<Workspace> {
      this.loads.push([id, lang]);
      return draft();
    },
    async save(_id: string, version: number): Promise<number> {
      return version + 1;
    },
  };

  beforeEach(async () => {
    localStorage.clear();
    data.loads = [];
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: ScoringData, useValue: data }] });
    i18n = TestBed.inject(I18nService);
    fixture = TestBed.createComponent(ScoringPageComponent);
    fixture.componentRef.setInput('id', 'e1');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => fixture.destroy());

  const cards = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid="score-card"]'));
  const card = (code: string) => cards().find((c) => c.querySelector('.code')?.textContent?.trim() === code)!;
  const checked = (code: string) => card(code).querySelector('[aria-checked="true"]')?.textContent?.trim() ?? null;
  const shown = (value: number) => i18n.formatNumber(roundHalfAwayFromZero(value), 1);
  const submit = () => element.querySelector<HTMLButtonElement>('#submit-evaluation')!;
  const missing = () => element.querySelector('[data-testid="missing"]')?.textContent ?? '';

  /** Presses a key on a criterion card, as keyboard scoring does (the card has the focus). */
  async function press(code: string, key: string): Promise<KeyboardEvent> {
    const target = card(code);
    target.focus();
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    await fixture.whenStable();
    return event;
  }

  async function comment(code: string, text: string): Promise<void> {
    const field = element.querySelector<HTMLTextAreaElement>(`#comment-${code}`)!;
    field.value = text;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('loads the evaluation through the data service and shows one card per rule', () => {
    expect(data.loads).toEqual([['e1', 'ES']]);
    expect(cards()).toHaveLength(10);
    expect(element.querySelector('[data-testid="score-value"]')?.textContent).toBe('—');
  });

  it.each(['0', '1', '2', '3', '4'])('pressing %s on a focused card answers it', async (key) => {
    const event = await press('R4', key);
    expect(checked('R4')).toBe(key);
    expect(event.defaultPrevented).toBe(true);
  });

  it('marks N/A with n where the rule allows it and refuses it where it does not', async () => {
    await press('R2', 'n');
    expect(checked('R2')).toBe('N/A');

    await press('R1', '3');
    const refused = await press('R1', 'n');
    expect(checked('R1')).toBe('3');
    expect(refused.defaultPrevented).toBe(false);
    expect(card('R1').textContent).not.toContain('N/A');
  });

  it('ignores keys typed in the comment field of a card', async () => {
    const field = element.querySelector<HTMLTextAreaElement>('#comment-R5')!;
    field.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true, cancelable: true }));
    await fixture.whenStable();
    expect(checked('R5')).toBeNull();
  });

  it('shows the live score and raw score libs/scoring computes, and the critical failure', async () => {
    const keys: Record<string, string> = { R1: '4', R2: 'n', R3: '1', R4: '3', R5: '3', R6: 'n', R7: '2', R8: '4', R9: '3' };
    for (const [code, key] of Object.entries(keys)) await press(code, key);
    const answers = Object.fromEntries(Object.entries(keys).map(([code, key]) => [code, key === 'n' ? null : Number(key)]));
    const expected = computeScore(DEFAULT_RUBRIC, answers);
    expect(element.querySelector('[data-testid="score-value"]')?.textContent).toBe(shown(expected.score));
    expect(element.querySelector('[data-testid="raw-score-value"]')?.textContent).toBe(shown(expected.rawScore));
    expect(element.querySelector('[data-testid="critical-banner"]')).toBeNull();

    await press('R8', '0');
    const critical = computeScore(DEFAULT_RUBRIC, { ...answers, R8: 0 });
    expect(element.querySelector('[data-testid="score-value"]')?.textContent).toBe(shown(0));
    expect(element.querySelector('[data-testid="raw-score-value"]')?.textContent).toBe(shown(critical.rawScore));
    expect(element.querySelector('[data-testid="critical-banner"]')).not.toBeNull();
  });

  it('makes the comment required on 0 and 1 only', async () => {
    const required = (code: string) => card(code).querySelector('.required') !== null;
    await press('R3', '2');
    expect(required('R3')).toBe(false);
    await press('R3', '1');
    expect(required('R3')).toBe(true);
    await press('R3', '0');
    expect(required('R3')).toBe(true);
    await press('R3', '4');
    expect(required('R3')).toBe(false);
  });

  it('keeps submit disabled, saying what is missing, until every rule, comment and fact is given', async () => {
    expect(submit().disabled).toBe(true);
    expect(submit().getAttribute('aria-describedby')).toBe('missing');
    expect(missing()).toContain('R1: an answer is required');

    for (const c of DEFAULT_RUBRIC) await press(c.code, c.code === 'R3' ? '1' : '3');
    expect(submit().disabled).toBe(true);
    expect(missing()).toContain('R3: a comment is required for answers of 0 or 1');
    expect(missing()).toContain(i18n.t('score.resolution'));
    expect(missing()).not.toContain('R1');

    await comment('R3', 'No ofreció un siguiente paso (min 01:10).');
    expect(missing()).not.toContain('R3');
    expect(submit().disabled).toBe(true);

    element.querySelector<HTMLInputElement>('#resolution-PARTIAL')!.click();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="missing"]')).toBeNull();
    expect(submit().disabled).toBe(false);
  });
});
