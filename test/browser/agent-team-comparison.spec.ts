import { browserAvailable, signIn, useJourney } from '../support/browser.js';
import { allAnswers, createEvaluatedCall } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';
import { daysAfter, JOURNEY_NOW } from '../support/journey-data.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

const evaluate = (app: TestApp, email: string, daysBefore: number, value: 1 | 2 | 3 | 4) =>
  createEvaluatedCall(
    app,
    { agentId: app.cast.id(email), startedAt: daysAfter(JOURNEY_NOW, -daysBefore) },
    { evaluatorId: app.cast.id('evaluator@demo.test'), answers: allAnswers(value) },
  );

describeJourney('browser journey: an agent’s comparison with the team needs enough colleagues’ evaluations', () => {
  // Lucía (agent1) has two evaluations in the page's default period (12 weeks); of her colleagues
  // only Mateo (agent2) has one: too few for the team's figures to be anybody's but his.
  const journey = useJourney(
    async (app) => {
      await evaluate(app, 'agent1@demo.test', 10, 3);
      await evaluate(app, 'agent1@demo.test', 20, 4);
      await evaluate(app, 'agent2@demo.test', 15, 1);
    },
    { now: JOURNEY_NOW },
  );

  it('says there is not enough team data and draws no team bars; with 5 evaluations of 3 colleagues it draws them', async () => {
    const { page } = journey.browser;
    await signIn(journey, 'agent1@demo.test');
    await page.goto(`${journey.app.url}/agents/me`);
    const chart = page.locator('[data-testid="rules-chart"]');
    await chart.waitFor();
    expect(await chart.locator('[data-testid="team-suppressed"]').textContent()).toBe(
      'No hay suficientes datos del equipo para este periodo.',
    );
    expect(await chart.locator('thead th[scope="col"]').allTextContents()).not.toContain('Equipo');

    // Four more evaluations of colleagues: five of agent2, agent3 and agent4.
    await evaluate(journey.app, 'agent2@demo.test', 12, 2);
    await evaluate(journey.app, 'agent3@demo.test', 13, 3);
    await evaluate(journey.app, 'agent3@demo.test', 14, 4);
    await evaluate(journey.app, 'agent4@demo.test', 16, 2);
    await page.reload();
    await chart.waitFor();
    await chart.locator('thead th[scope="col"]', { hasText: 'Equipo' }).waitFor();
    expect(await chart.locator('[data-testid="team-suppressed"]').count()).toBe(0);
  });
});
