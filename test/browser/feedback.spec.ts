import { browserAvailable, signIn, useJourney } from '../support/browser.js';
import { answersAll, createCall, scoreAndSubmit } from '../support/workflow.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

describeJourney('browser journey: an agent acknowledges one evaluation and disputes another', () => {
  // One evaluation submitted just now, so a dispute window is surely open.
  const journey = useJourney(async (app) => {
    const evaluator = await app.login('evaluator@demo.test');
    await scoreAndSubmit(app, evaluator, await createCall(app, evaluator, 'agent1@demo.test'), answersAll(2, { R1: 1 }));
  });

  const statuses = async () =>
    Object.fromEntries(
      (
        (await journey.app.server.database.dataSource.query(
          `SELECT e.status, count(*)::int AS n FROM evaluation e JOIN app_user u ON u.id = e.agent_id WHERE u.email = 'agent1@demo.test' GROUP BY 1`,
        )) as Array<{ status: string; n: number }>
      ).map((r) => [r.status, r.n]),
    ) as Record<string, number>;

  it('reads the evidence, acknowledges one, disputes another naming a rule and a reason', async () => {
    const before = await statuses();
    expect(before['SUBMITTED']).toBeGreaterThanOrEqual(2);
    const { browser } = journey;
    const { page } = browser;
    await signIn(journey, 'agent1@demo.test');
    await page.locator('a[href="/feedback"]').click();
    const waiting = page.locator('[data-testid="feedback-evaluation"][data-status="SUBMITTED"]');
    await waiting.first().waitFor();
    await browser.screenshot('20-feedback');
    const count = await waiting.count();

    // Acknowledge one whose dispute window has closed (the oldest), then dispute one still open.
    await waiting.last().locator('[data-testid="acknowledge"]').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="feedback-evaluation"][data-status="SUBMITTED"]').length === n - 1,
      count,
    );

    const next = waiting.filter({ has: page.locator('[data-testid="open-dispute"]') }).first();
    await next.locator('[data-testid="open-dispute"]').click();
    await next.locator('input[data-code="R1"]').check();
    await next.locator('[data-testid="dispute-reason"]').fill('El cliente quedó conforme: lo dice al final de la llamada.');
    await browser.screenshot('21-dispute-form');
    await next.locator('[data-testid="send-dispute"]').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="feedback-evaluation"][data-status="SUBMITTED"]').length === n - 2,
      count,
    );
    await browser.screenshot('22-feedback-after');

    const after = await statuses();
    expect(after['ACKNOWLEDGED']).toBe((before['ACKNOWLEDGED'] ?? 0) + 1);
    expect(after['DISPUTED']).toBe((before['DISPUTED'] ?? 0) + 1);
    expect(after['SUBMITTED']).toBe(before['SUBMITTED']! - 2);
  }, 90_000);
});
