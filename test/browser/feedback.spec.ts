import { browserAvailable, signIn, useJourney } from '../support/browser.js';
import { allAnswers, createEvaluatedCall } from '../support/factories.js';
import { buildPlan, buildWeeks, callTranscript, daysAfter, isoDay, JOURNEY_NOW, startOfWeek } from '../support/journey-data.js';
import { SeededRandom } from '../../apps/api/src/seed/random.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

describeJourney('browser journey: an agent acknowledges one evaluation and disputes another', () => {
  // Lucía (agent1) as of the journey's "now", Friday 20 March 2026 (the dispute window, 14 days,
  // counts from there): ten weeks of evaluations she has read — acknowledged, one disputed and
  // one resolved, more than one page of them — and three waiting for her: one submitted an hour
  // ago, one five days ago (both still open to dispute), one nineteen days ago (closed). And a
  // running coaching plan with a session she has not confirmed yet.
  let fresh = '';
  const journey = useJourney(
    async (app) => {
      await buildWeeks(app, {
        agents: ['agent1@demo.test'],
        until: daysAfter(startOfWeek(JOURNEY_NOW), -21),
        weeks: 8,
        prefix: 'PV',
        seed: 31,
        outcome: ({ index, lowCodes }) =>
          index === 3 && lowCodes.length
            ? { status: 'RESOLVED', decision: 'UPHOLD' }
            : index === 9 && lowCodes.length
              ? 'DISPUTED'
              : 'ACKNOWLEDGED',
      });
      const agent = app.cast.people['agent1@demo.test']!;
      const random = new SeededRandom(32);
      const waiting = async (externalId: string, startedAt: Date, answers = allAnswers(3, { R1: 1, R2: 2, R10: null })) =>
        (
          await createEvaluatedCall(
            app,
            {
              agentId: agent.id,
              startedAt,
              externalId,
              durationSeconds: 300,
              transcript: callTranscript(random, 'SUPPORT', agent.name, 300),
            },
            {
              evaluatorId: app.cast.id('evaluator@demo.test'),
              answers,
              comments: { R1: 'No confirma el titular de la línea antes de revisar la conexión (min 00:40).' },
              evidence: { R1: 40 },
              status: 'SUBMITTED',
              submittedAt: new Date(startedAt.getTime() + 2 * 3600_000),
              comment: 'Buena resolución; falta confirmar los datos del cliente al empezar.',
            },
          )
        ).evaluationId;
      await waiting('PV-260301-0913', new Date('2026-03-01T10:05:00Z'));
      await waiting('PV-260315-0962', new Date('2026-03-15T09:40:00Z'));
      fresh = await waiting('PV-260320-0988', new Date(JOURNEY_NOW.getTime() - 3 * 3600_000), allAnswers(2, { R1: 1 }));
      const start = daysAfter(startOfWeek(JOURNEY_NOW), -14);
      await buildPlan(app, {
        agent: 'agent1@demo.test',
        coach: 'coach@demo.test',
        focusCodes: ['R1', 'R3'],
        methods: ['CALL_REVIEW'],
        targetFocusScore: 80,
        startDate: isoDay(start),
        dueDate: isoDay(daysAfter(start, 44)),
        notes: 'Confirmar los datos del cliente al empezar y no dejarle en espera sin avisar.',
        sessions: [
          {
            date: isoDay(daysAfter(JOURNEY_NOW, -2)),
            notes: 'Escucha de dos llamadas juntas.',
            agreedActions: 'Presentarse al empezar.',
          },
        ],
      });
    },
    { now: JOURNEY_NOW },
  );

  const query = <T>(sql: string) => journey.app.server.database.dataSource.query(sql) as Promise<T>;
  const statuses = async () =>
    Object.fromEntries(
      (
        await query<Array<{ status: string; n: number }>>(
          `SELECT e.status, count(*)::int AS n FROM evaluation e JOIN app_user u ON u.id = e.agent_id WHERE u.email = 'agent1@demo.test' GROUP BY 1`,
        )
      ).map((r) => [r.status, r.n]),
    ) as Record<string, number>;

  it('reads the evidence and the plan, acknowledges one, disputes another naming a rule and a reason', async () => {
    const before = await statuses();
    expect(before['SUBMITTED']).toBeGreaterThanOrEqual(2);
    // More earlier evaluations than one page holds, so "load more" has something to load.
    expect((before['ACKNOWLEDGED'] ?? 0) + (before['DISPUTED'] ?? 0) + (before['RESOLVED'] ?? 0)).toBeGreaterThan(10);
    const { browser } = journey;
    const { page } = browser;
    await signIn(journey, 'agent1@demo.test');
    await page.locator('a[href="/feedback"]').click();
    const toConfirm = page.locator('[data-testid="to-confirm"]');
    const history = page.locator('[data-testid="history"]');
    const plans = page.locator('[data-testid="feedback-plans"]');
    const waiting = toConfirm.locator('[data-testid="feedback-evaluation"][data-status="SUBMITTED"]');
    await waiting.first().waitFor();
    await history.locator('[data-testid="feedback-evaluation"]').first().waitFor();
    await plans.locator('[data-testid="feedback-plan"]').first().waitFor();
    await browser.screenshot('20-feedback');
    const count = await waiting.count();
    expect(count).toBe(before['SUBMITTED']);

    // Waiting evaluations first, then the plan, then the earlier ones.
    expect(await page.locator('h2').allTextContents()).toEqual([
      `Para confirmar (${count})`,
      'Mi plan de coaching',
      'Anteriores',
    ]);

    // The plan speaks Spanish: its status, its rules by title; the session waits for the agent.
    const plan = plans.locator('[data-testid="feedback-plan"]').first();
    expect((await plan.locator('[data-testid="plan-status"]').textContent())?.trim()).toBe('Activo');
    expect(await plans.textContent()).not.toContain('ACTIVE');
    expect(await plan.locator('[data-testid="plan-focus"] li[data-code="R3"]').textContent()).toMatch(/R3\s+\S+/);
    await plan.locator('[data-testid="ack-session"]').click();
    await plan.locator('[data-testid="plan-session"]', { hasText: 'Confirmada' }).waitFor();
    const [pendingOfAgent1] = await query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM coaching_session s JOIN coaching_plan p ON p.id = s.plan_id JOIN app_user u ON u.id = p.agent_id
       WHERE u.email = 'agent1@demo.test' AND s.acknowledged_at IS NULL`,
    );
    expect(pendingOfAgent1!.n).toBe(0);

    // The whole evaluation is readable: the point to improve, then all ten rules with their labels.
    const mine = toConfirm.locator(`[data-id="${fresh}"]`);
    expect(await mine.locator('[data-testid="improve-points"] li').count()).toBe(1);
    expect(await mine.locator('[data-testid="improve-points"]').textContent()).toContain('1 · Deficiente');
    await mine.locator('[data-testid="all-rules"] summary').click();
    const rows = mine.locator('[data-testid="rule-row"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(10);
    const answers = (await mine.locator('[data-testid="rule-answer"]').allTextContents()).map((t) => t.trim());
    expect(answers).toEqual(['1 · Deficiente', ...Array(9).fill('2 · Parcial')]);

    // Acknowledge one whose dispute window has closed (the oldest): it moves under "Anteriores".
    const oldest = waiting.last();
    const oldestId = await oldest.getAttribute('data-id');
    await oldest.locator('[data-testid="acknowledge"]').click();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid="to-confirm"] [data-testid="feedback-evaluation"][data-status="SUBMITTED"]')
          .length ===
        n - 1,
      count,
    );
    // Said once both lists are read again, with focus on the card that took its place.
    await page.locator('[data-testid="feedback-notice"]', { hasText: 'confirmada' }).waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="to-confirm"]'))).toBe(true);

    // "Load more" brings the next page of earlier evaluations, the acknowledged one among them.
    const earlier = history.locator('[data-testid="feedback-evaluation"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="history"] [role="status"]'));
    const firstPage = await earlier.count();
    expect(firstPage).toBe(10);
    await history.locator('[data-testid="history-more"]').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="history"] [data-testid="feedback-evaluation"]').length > n,
      firstPage,
    );
    const acknowledged = history.locator(`[data-id="${oldestId}"]`);
    expect(await acknowledged.getAttribute('data-status')).toBe('ACKNOWLEDGED');
    expect(await acknowledged.locator('[data-testid="acknowledge"]').count()).toBe(0);

    const next = waiting.filter({ has: page.locator('[data-testid="open-dispute"]') }).first();
    const disputedId = await next.getAttribute('data-id');
    await next.locator('[data-testid="open-dispute"]').click();
    // Sending without a rule or a reason is stopped here, saying what is missing.
    await next.locator('[data-testid="send-dispute"]').click();
    await next.getByText('Elige al menos una regla.').waitFor();
    await next.locator('input[data-code="R1"]').check();
    await next.locator('[data-testid="dispute-reason"]').fill('El cliente quedó conforme: lo dice al final de la llamada.');
    await browser.screenshot('21-dispute-form');
    await next.locator('[data-testid="send-dispute"]').click();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid="to-confirm"] [data-testid="feedback-evaluation"][data-status="SUBMITTED"]')
          .length ===
        n - 2,
      count,
    );
    const disputed = history.locator(`[data-id="${disputedId}"]`);
    await disputed.waitFor();
    expect(await disputed.getAttribute('data-status')).toBe('DISPUTED');
    expect(await disputed.locator('[data-testid="dispute-codes"]').textContent()).toBe('R1');
    expect(await disputed.locator('[data-testid="dispute-info"]').textContent()).toContain('El cliente quedó conforme');
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot('22-feedback-after');

    const after = await statuses();
    expect(after['ACKNOWLEDGED']).toBe((before['ACKNOWLEDGED'] ?? 0) + 1);
    expect(after['DISPUTED']).toBe((before['DISPUTED'] ?? 0) + 1);
    expect(after['SUBMITTED']).toBe(before['SUBMITTED']! - 2);

    // At tablet width nothing spills sideways.
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await browser.screenshot('23-feedback-768');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);
});
