import { computeScore, DEFAULT_RUBRIC, roundHalfAwayFromZero } from '../../libs/scoring/src/index.js';
import { browserAvailable, signIn, useJourney } from '../support/browser.js';
import { answersAll, createCall, DISPUTE, scoreAndSubmit } from '../support/workflow.js';
import type { Answer } from '../support/workflow.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

const CALL = `DSP-${Date.now()}`;
const TRANSCRIPT = [
  'AGENT: [00:01] Buenos días, le atiende Lucía, ¿en qué puedo ayudarle?',
  'CUSTOMER: [00:05] Hola, me han cobrado dos veces la factura de marzo.',
  'AGENT: [00:40] Déjeme revisarlo. Sí, veo el cargo duplicado.',
  'CUSTOMER: [01:05] ¿Y cuándo me lo devuelven?',
  'AGENT: [01:10] Eso ya no depende de mí, tendrá que llamar a facturación.',
  'CUSTOMER: [01:30] Vaya… bueno, gracias.',
  'AGENT: [02:00] A usted. Que tenga un buen día.',
].join('\n');
/** What the evaluator answered: R1 and R3 low, with evidence times the transcript shows. */
const ANSWERS: Array<Answer & { evidenceSeconds?: number }> = answersAll(2, { R1: 1, R3: 1 }).map((a) =>
  a.code === 'R3' ? { ...a, evidenceSeconds: 70 } : a.code === 'R1' ? { ...a, evidenceSeconds: 5 } : a,
);
const REASON = 'Le di el plazo de devolución al final de la llamada y el cliente quedó conforme.';

const shown = (n: number) =>
  roundHalfAwayFromZero(n).toLocaleString('es-ES', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

describeJourney('browser journey: another evaluator resolves an agent’s dispute', () => {
  let evaluationId = '';
  const original = computeScore(DEFAULT_RUBRIC, Object.fromEntries(ANSWERS.map((a) => [a.code, a.value])));
  const journey = useJourney(async (app) => {
    const evaluator = await app.login('evaluator@demo.test');
    const callId = await createCall(app, evaluator, 'agent1@demo.test', { externalId: CALL, transcript: TRANSCRIPT });
    const submitted = await scoreAndSubmit(app, evaluator, callId, ANSWERS);
    evaluationId = submitted.id;
    const agent = await app.login('agent1@demo.test');
    const disputed = await app.gql(DISPUTE, { id: evaluationId, input: { codes: ['R1', 'R3'], reason: REASON } }, agent);
    if (disputed.errors) throw new Error(`dispute failed: ${JSON.stringify(disputed.errors)}`);
  });

  const signOut = async () =>
    journey.browser.page.evaluate(() => {
      sessionStorage.clear();
      localStorage.clear();
    });
  const row = () => journey.browser.page.locator(`[data-testid="dispute-row"][data-call="${CALL}"]`);

  it('tells the evaluator who wrote the evaluation that they cannot resolve its dispute', async () => {
    const { browser } = journey;
    const { page } = browser;
    await signIn(journey, 'evaluator@demo.test');
    await page.locator('a[href="/disputes"]').click();
    await row().waitFor();
    expect(await row().locator('[data-testid="open-dispute"]').count()).toBe(0);
    expect(await row().locator('[data-testid="not-resolvable"]').textContent()).toContain('La escribiste tú');
    expect(await row().textContent()).toContain(REASON);
    // The demo's disputes of the other evaluator's evaluations are theirs to resolve.
    expect(await page.locator('[data-testid="open-dispute"]').count()).toBeGreaterThan(0);
    await browser.screenshot('50-disputes-own-not-resolvable');
    await signOut();
  }, 90_000);

  it('amends a contested rule with the live score libs/scoring computes, and the server stores the same', async () => {
    const { app, browser } = journey;
    const { page } = browser;
    await signIn(journey, 'evaluator2@demo.test');
    await page.locator('a[href="/disputes"]').click();
    await row().waitFor();
    expect(await row().textContent()).toContain('R1');
    expect(await row().textContent()).toContain('R3');
    expect(await row().locator('.score').textContent()).toBe(shown(original.score));
    await browser.screenshot('51-disputes-list');

    await row().locator('[data-testid="open-dispute"]').click();
    const rules = page.locator('[data-testid="contested-rule"]');
    await rules.nth(1).waitFor();
    expect(await rules.count()).toBe(2);
    expect(await rules.first().locator('[data-testid="original-answer"]').textContent()).toContain('1');
    expect(await page.locator('[data-testid="dispute-reason"]').textContent()).toBe(REASON);
    // The evidence turns (00:05 and 01:10) stand out in the transcript.
    const evidence = page.locator('[data-testid="evidence-turn"]');
    expect(await evidence.count()).toBe(2);
    expect(await evidence.nth(1).textContent()).toContain('tendrá que llamar a facturación');
    expect(await page.locator('#resolve-dispute').isDisabled()).toBe(true);
    await browser.screenshot('52-dispute-detail');

    // Keyboard only: choose Amend, then on R3's card press 3.
    await page.locator('#decision-AMEND').focus();
    await page.keyboard.press('Space');
    const r3 = page.locator('[data-testid="amend-card"][data-code="R3"]');
    await r3.waitFor();
    await r3.focus();
    await page.keyboard.press('3');
    const amended = Object.fromEntries(ANSWERS.map((a) => [a.code, a.code === 'R3' ? 3 : a.value]));
    const expected = computeScore(DEFAULT_RUBRIC, amended);
    await page.locator('[data-testid="new-score"]', { hasText: shown(expected.score) }).waitFor();
    expect(await page.locator('[data-testid="new-raw-score"]').textContent()).toContain(shown(expected.rawScore));
    expect(await page.locator('[data-testid="old-score"]').textContent()).toBe(shown(original.score));
    // The resolution comment is still missing, and the screen says so.
    expect(await page.locator('#resolve-dispute').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="resolve-missing"]').textContent()).toContain('comentario de la resolución');

    await page.locator('#resolution-comment').focus();
    await page.keyboard.type('En 01:10 deriva a facturación, pero antes de colgar da el plazo: R3 pasa a 3.');
    await page.locator('#resolve-dispute:not([disabled])').focus();
    await browser.screenshot('53-dispute-amend');
    await page.keyboard.press('Enter');

    const success = page.locator('[data-testid="dispute-success"]');
    await success.waitFor();
    expect(await success.textContent()).toContain(shown(expected.score));
    expect(await success.textContent()).toContain(CALL);
    // The open list no longer has it.
    await page.locator('[data-testid="dispute-row"]').first().waitFor();
    expect(await row().count()).toBe(0);
    await browser.screenshot('54-dispute-resolved-message');

    const [stored] = (await app.server.database.dataSource.query(
      `SELECT e.status, e.score, e.raw_score, d.decision, d.resolution_comment
         FROM evaluation e JOIN dispute d ON d.evaluation_id = e.id WHERE e.id = $1`,
      [evaluationId],
    )) as Array<{ status: string; score: number; raw_score: number; decision: string; resolution_comment: string }>;
    expect(stored!.status).toBe('RESOLVED');
    expect(stored!.decision).toBe('AMEND');
    // Stored unrounded (RUBRIC.md §3 rounds only to show), recomputed by the same function.
    expect(stored!.score).toBeCloseTo(expected.score, 9);
    expect(stored!.raw_score).toBeCloseTo(expected.rawScore, 9);
    expect(stored!.resolution_comment).toContain('R3 pasa a 3');

    // The audit log kept the old answers (and score) beside the new ones.
    const audit = (await app.server.database.dataSource.query(
      `SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'evaluation.resolveDispute'`,
      [evaluationId],
    )) as Array<{
      before: { score: number; answers: Record<string, { value: number | null; comment: string | null }> };
      after: { answers: Record<string, { value: number | null }> };
    }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before.answers['R3']!.value).toBe(1);
    expect(audit[0]!.before.answers['R3']!.comment).toContain('01:10');
    expect(audit[0]!.before.score).toBeCloseTo(original.score, 9);
    expect(audit[0]!.after.answers['R3']!.value).toBe(3);
    expect(audit[0]!.after.answers['R1']!.value).toBe(1);

    // The resolved tab lists it with its decision.
    await page.locator('[data-testid="tab-resolved"]').click();
    await row().waitFor();
    expect(await row().locator('[data-testid="dispute-decision"]').textContent()).toContain('Corregida');
    await browser.screenshot('55-disputes-resolved-tab');
  }, 90_000);

  it('works at 768 px wide', async () => {
    const { browser } = journey;
    const { page } = browser;
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.locator('[data-testid="tab-open"]').click();
    await page.locator('[data-testid="open-dispute"]').first().waitFor();
    await browser.screenshot('56-disputes-list-768');
    await page.locator('[data-testid="open-dispute"]').first().click();
    await page.locator('[data-testid="contested-rule"]').first().waitFor();
    await page.locator('#decision-AMEND').check();
    await page.locator('[data-testid="amend-card"]').first().waitFor();
    await browser.screenshot('57-dispute-detail-768');
    // Nothing spills sideways out of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  }, 90_000);
});
