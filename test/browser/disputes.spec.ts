import { computeScore, DEFAULT_RUBRIC, roundHalfAwayFromZero } from '@decalogo/scoring';
import { browserAvailable, signIn, useJourney } from '../support/browser.js';
import { allAnswers, createEvaluatedCall } from '../support/factories.js';
import { daysAfter, buildWeeks, JOURNEY_NOW, startOfWeek } from '../support/journey-data.js';
import type { TestApp } from '../support/test-app.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

const transcript = (agentName: string) =>
  [
    `AGENT: [00:01] Buenos días, le atiende ${agentName.split(' ')[0]}, ¿en qué puedo ayudarle?`,
    'CUSTOMER: [00:05] Hola, me han cobrado dos veces la factura de marzo.',
    'AGENT: [00:40] Déjeme revisarlo. Sí, veo el cargo duplicado.',
    'CUSTOMER: [01:05] ¿Y cuándo me lo devuelven?',
    'AGENT: [01:10] Eso ya no depende de mí, tendrá que llamar a facturación.',
    'CUSTOMER: [01:30] Vaya… bueno, gracias.',
    'AGENT: [02:00] A usted. Que tenga un buen día.',
  ].join('\n');
/** What the evaluator answered: R1 and R3 low, with evidence times the transcript shows. */
const ANSWERS = allAnswers(2, { R1: 1, R3: 1 });
const COMMENTS = {
  R1: 'No confirma los datos del cliente antes de revisar la factura (min 00:05).',
  R3: 'En 01:10 le manda a llamar a facturación sin darle plazo de devolución.',
};
const EVIDENCE = { R1: 5, R3: 70 };
const REASON = 'Le di el plazo de devolución al final de la llamada y el cliente quedó conforme.';

/**
 * A call of `agent` scored by `evaluator` (R1 and R3 at 1) and disputed by the agent on both rules
 * the day after: each test creates its own, under its own external id.
 */
async function disputedCall(
  app: TestApp,
  externalId: string,
  evaluator: string,
  { agent = 'agent1@demo.test', reason = REASON } = {},
): Promise<string> {
  const startedAt = daysAfter(JOURNEY_NOW, -2);
  const agentPerson = app.cast.people[agent]!;
  const { evaluationId } = await createEvaluatedCall(
    app,
    {
      agentId: agentPerson.id,
      startedAt,
      externalId,
      transcript: transcript(agentPerson.name),
      durationSeconds: 130,
      purpose: 'COMPLAINT',
    },
    {
      evaluatorId: app.cast.id(evaluator),
      answers: ANSWERS,
      comments: COMMENTS,
      evidence: EVIDENCE,
      status: 'DISPUTED',
      submittedAt: new Date(startedAt.getTime() + 4 * 3600_000),
      comment: 'Revisar con el coach el cierre de las reclamaciones de facturación.',
      dispute: { codes: ['R1', 'R3'], reason, at: daysAfter(startedAt, 1) },
    },
  );
  return evaluationId;
}

const shown = (n: number) =>
  roundHalfAwayFromZero(n).toLocaleString('es-ES', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

describeJourney('browser journey: another evaluator resolves an agent’s dispute', () => {
  const original = computeScore(DEFAULT_RUBRIC, ANSWERS);
  // Around the disputes each test makes: three weeks of evaluations of both teams, some disputed
  // (open) and some resolved (upheld or amended), by both evaluators, as of the journey's "now".
  const journey = useJourney(
    async (app) => {
      await buildWeeks(app, {
        agents: [
          'agent2@demo.test',
          'agent4@demo.test',
          'agent5@demo.test',
          'agent6@demo.test',
          'agent8@demo.test',
          'agent9@demo.test',
        ],
        until: startOfWeek(JOURNEY_NOW),
        weeks: 3,
        callsPerWeek: 1,
        prefix: 'LL',
        seed: 7,
        notAfter: JOURNEY_NOW,
        outcome: ({ week, index, lowCodes }) => {
          if (!lowCodes.length) return 'ACKNOWLEDGED';
          if (week === 2 && index % 2 === 0) return 'DISPUTED';
          if (week === 0 && index % 3 === 0) return { status: 'RESOLVED', decision: index % 2 ? 'UPHOLD' : 'AMEND' };
          return week === 2 ? 'SUBMITTED' : 'ACKNOWLEDGED';
        },
      });
    },
    { now: JOURNEY_NOW },
  );

  const row = (call: string) => journey.browser.page.locator(`[data-testid="dispute-row"][data-call="${call}"]`);

  const OWN = 'PV-260318-0398';
  const OTHERS = 'PV-260318-0405';

  it('tells the evaluator who wrote the evaluation that they cannot resolve its dispute', async () => {
    const { app } = journey;
    await disputedCall(app, OWN, 'evaluator@demo.test');
    // The other evaluator's evaluation, disputed too: that one is Elena's to resolve.
    await disputedCall(app, OTHERS, 'evaluator2@demo.test', {
      agent: 'agent3@demo.test',
      reason: 'Sí di el plazo de devolución: lo dije justo antes de despedirme.',
    });
    const { browser } = journey;
    const { page } = browser;
    await signIn(journey, 'evaluator@demo.test');
    await page.locator('a[href="/disputes"]').click();
    const own = row(OWN);
    await own.waitFor();
    expect(await own.locator('[data-testid="open-dispute"]').count()).toBe(0);
    expect(await own.locator('[data-testid="not-resolvable"]').textContent()).toContain('La escribiste tú');
    expect(await own.textContent()).toContain(REASON);
    const other = row(OTHERS);
    expect(await other.locator('[data-testid="open-dispute"]').count()).toBe(1);
    expect(await other.locator('[data-testid="not-resolvable"]').count()).toBe(0);
    await browser.screenshot('50-disputes-own-not-resolvable');
  }, 90_000);

  it('amends a contested rule with the live score libs/scoring computes, and the server stores the same', async () => {
    const { app } = journey;
    const CALL = 'PV-260318-0412';
    const evaluationId = await disputedCall(app, CALL, 'evaluator@demo.test');
    const { browser } = journey;
    const { page } = browser;
    await signIn(journey, 'evaluator2@demo.test');
    await page.locator('a[href="/disputes"]').click();
    await row(CALL).waitFor();
    expect(await row(CALL).textContent()).toContain('R1');
    expect(await row(CALL).textContent()).toContain('R3');
    expect(await row(CALL).locator('.score').textContent()).toBe(shown(original.score));
    await browser.screenshot('51-disputes-list');

    await row(CALL).locator('[data-testid="open-dispute"]').click();
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
    const amended = { ...ANSWERS, R3: 3 };
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
    // The open list (the other open disputes) no longer has it.
    await page.locator('[data-testid="dispute-row"]').first().waitFor();
    expect(await row(CALL).count()).toBe(0);
    await browser.screenshot('54-dispute-resolved-message');

    const [stored] = (await app.server.database.dataSource.query(
      `SELECT e.status, e.score, e.raw_score, d.decision, d.resolution_comment
         FROM evaluation e JOIN dispute d ON d.evaluation_id = e.id WHERE e.id = $1`,
      [evaluationId],
    )) as Array<{ status: string; score: number; raw_score: number; decision: string; resolution_comment: string }>;
    expect(stored!.status).toBe('RESOLVED');
    expect(stored!.decision).toBe('AMEND');
    // Stored unrounded (docs/rubric.md#rounding-for-display: rounded only to show), recomputed by the same function.
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
    await row(CALL).waitFor();
    expect(await row(CALL).locator('[data-testid="dispute-decision"]').textContent()).toContain('Corregida');
    await browser.screenshot('55-disputes-resolved-tab');
  }, 90_000);

  it('works at 768 px wide', async () => {
    const CALL = 'PV-260318-0436';
    await disputedCall(journey.app, CALL, 'evaluator@demo.test', { agent: 'agent5@demo.test' });
    const { browser } = journey;
    const { page } = browser;
    await page.setViewportSize({ width: 768, height: 1000 });
    await signIn(journey, 'evaluator2@demo.test');
    await page.locator('a[href="/disputes"]').click();
    await row(CALL).locator('[data-testid="open-dispute"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await browser.screenshot('56-disputes-list-768');
    await row(CALL).locator('[data-testid="open-dispute"]').click();
    await page.locator('[data-testid="contested-rule"]').nth(1).waitFor();
    expect(await page.locator('[data-testid="dispute-reason"]').textContent()).toBe(REASON);
    await page.locator('#decision-AMEND').check();
    await page.locator('[data-testid="amend-card"]').first().waitFor();
    await browser.screenshot('57-dispute-detail-768');
    // Nothing spills sideways out of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  }, 90_000);
});
