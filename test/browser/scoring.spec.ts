import { computeScore, DEFAULT_RUBRIC, roundHalfAwayFromZero } from '@decalogo/scoring';
import { browserAvailable, signIn, useJourney } from '../support/browser.js';
import type { Journey } from '../support/browser.js';
import { createCall } from '../support/factories.js';
import { buildWeeks, daysAfter, JOURNEY_NOW, startOfWeek } from '../support/journey-data.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

/** The keys pressed on each criterion card, in rubric order ('n' is N/A). */
const KEYS: Record<string, string> = {
  R1: '4',
  R2: 'n',
  R3: '1',
  R4: '3',
  R5: '3',
  R6: 'n',
  R7: '2',
  R8: '4',
  R9: '3',
  R10: 'n',
};

/** A call Lucía took an hour before the journey's "now": a billing question she leaves without a next step. */
const TRANSCRIPT = [
  'AGENT: [00:02] Conecta Fibra, buenos días, le atiende Lucía. ¿En qué puedo ayudarle?',
  'CUSTOMER: [00:09] Hola, en la última factura me cobran una permanencia que no tengo.',
  'AGENT: [00:21] Vamos a verlo. ¿Me confirma su DNI y la dirección de la instalación?',
  'CUSTOMER: [00:35] Sí, claro, la dirección es calle Mayor 12, segundo B.',
  'AGENT: [00:52] Gracias. Veo el cargo: es un error del alta, la permanencia terminó en enero.',
  'CUSTOMER: [01:02] ¿Y me lo devuelven?',
  'AGENT: [01:10] Eso lo tiene que pedir usted por la web, yo no puedo hacer nada más.',
  'CUSTOMER: [01:24] Pues vaya. Bueno, gracias.',
].join('\n');

/**
 * Puts a call of Lucía's in the queue (its own for each test), signs in as the evaluator and starts
 * scoring that call; returns the new evaluation's id.
 */
async function startScoring(journey: Journey, externalId: string): Promise<string> {
  const { app, browser } = journey;
  const { page } = browser;
  await createCall(app, {
    agentId: app.cast.id('agent1@demo.test'),
    startedAt: new Date(JOURNEY_NOW.getTime() - 3600_000),
    externalId,
    durationSeconds: 95,
    purpose: 'COMPLAINT',
    transcript: TRANSCRIPT,
  });
  await signIn(journey, 'evaluator@demo.test');
  await page.locator('a[href="/queue"]').click();
  await page.locator('li', { hasText: externalId }).locator('[data-testid="start-evaluation"]').click();
  await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

describeJourney('browser journey: an evaluator scores a call with the keyboard only', () => {
  // The queue of the last week, as of the journey's "now": a call of every agent waiting to be scored.
  const journey = useJourney(
    async (app) => {
      await buildWeeks(app, {
        agents: Array.from({ length: 10 }, (_, i) => `agent${i + 1}@demo.test`),
        until: daysAfter(startOfWeek(JOURNEY_NOW), 7),
        weeks: 2,
        callsPerWeek: 1,
        prefix: 'LL',
        seed: 61,
        notAfter: JOURNEY_NOW,
        outcome: ({ week }) => (week === 0 ? 'ACKNOWLEDGED' : null),
      });
    },
    { now: JOURNEY_NOW },
  );

  it('scores every rule from the keyboard, sees the live score the library computes, and submits', async () => {
    const { app, browser } = journey;
    const { page } = browser;
    const evaluationId = await startScoring(journey, 'PV-260320-1017');

    const cards = page.locator('[data-testid="score-card"]');
    await cards.nth(9).waitFor();
    await browser.screenshot('10-scoring-empty');
    // The first card has the focus; every answer is a key press.
    for (const [code, key] of Object.entries(KEYS)) {
      await page.keyboard.press(key);
      if (code === 'R3') {
        // A 1 needs evidence: Tab into the comment, type it, Shift+Tab back to the card.
        await page.keyboard.press('Tab');
        await page.keyboard.type('No ofreció un siguiente paso (min 01:10).');
        await page.keyboard.press('Shift+Tab');
      }
      await page.keyboard.press('ArrowDown');
    }
    const answers = Object.fromEntries(Object.entries(KEYS).map(([code, key]) => [code, key === 'n' ? null : Number(key)]));
    const expected = computeScore(DEFAULT_RUBRIC, answers);
    const shown = (n: number) =>
      roundHalfAwayFromZero(n).toLocaleString('es-ES', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    await page.locator('[data-testid="score-value"]', { hasText: shown(expected.score) }).waitFor();
    expect(await page.locator('[data-testid="raw-score-value"]').textContent()).toBe(shown(expected.rawScore));

    // Submit stays disabled, saying why, until the call facts are given.
    expect(await page.locator('#submit-evaluation').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="missing"]').textContent()).toContain('Resolución');
    await page.locator('#resolution-PARTIAL').focus();
    await page.keyboard.press('Space');
    await page.locator('#submit-evaluation:not([disabled])').focus();
    await browser.screenshot('11-scoring-complete');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="submitted"]').waitFor();
    expect(await page.locator('[data-testid="submitted"]').textContent()).toContain(shown(expected.score));
    await browser.screenshot('12-scoring-submitted');

    // The server stored the same score.
    const [stored] = (await app.server.database.dataSource.query(
      `SELECT status, score, raw_score FROM evaluation WHERE id = $1`,
      [evaluationId],
    )) as Array<{ status: string; score: number; raw_score: number }>;
    expect(stored!.status).toBe('SUBMITTED');
    expect(stored!.score).toBeCloseTo(expected.score, 9);
    expect(stored!.raw_score).toBeCloseTo(expected.rawScore, 9);
  }, 90_000);

  it('an answer given just before leaving the page is saved before the next page opens', async () => {
    const { app, browser } = journey;
    const { page } = browser;
    const draftId = await startScoring(journey, 'PV-260320-1021');
    await page.locator('[data-testid="score-card"]').nth(9).waitFor();
    // R1 answered 3, and away at once: well before the autosave's pause would have saved it.
    await page.keyboard.press('3');
    await page.locator('a[href="/evaluations"]').click();
    await page.waitForURL((url) => url.pathname === '/evaluations');
    const saved = (await app.server.database.dataSource.query(
      `SELECT value FROM evaluation_answer WHERE evaluation_id = $1 AND criterion_code = 'R1'`,
      [draftId],
    )) as Array<{ value: number | null }>;
    expect(saved).toEqual([{ value: 3 }]);
  }, 60_000);
});
