import type { Page } from 'playwright-core';
import { browserAvailable, signIn, useJourney } from '../support/browser.js';
import { buildWeeksToNow, JOURNEY_NOW } from '../support/journey-data.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

/**
 * A coach's week in the browser on the embedded database — the one `npm install && npm start`
 * gives every new user — whatever TEST_DATABASE says. Each step once hung the process there (a
 * permission check read through a second connection while the write's transaction held the only
 * one the embedded server serves): every step must now answer within STEP_LIMIT_MS.
 */
const STEP_LIMIT_MS = 15_000;

/** The week, Monday 16 to Friday 20 March 2026 (the journey's "now"). */
const WEEK = { monday: '2026-03-16', tuesday: '2026-03-17', thursday: '2026-03-19' };
const DUE = '2026-04-24';

/** Waits for what the step shows once it has answered; a failure names the step. */
async function answered(step: string, page: Page, selector: string): Promise<void> {
  try {
    await page.locator(selector).first().waitFor({ timeout: STEP_LIMIT_MS });
  } catch (error) {
    throw new Error(`${step} got no answer within ${STEP_LIMIT_MS} ms (waiting for ${selector})`, { cause: error });
  }
}

describeJourney('browser journey: a coach’s week on the embedded database', () => {
  // Valentina (agent3) as of Friday 20 March 2026: ten weeks of evaluated calls (weak on R3 and
  // R5), the last few in this very week, so the plan has a baseline and a current figure.
  const journey = useJourney(
    async (app) => {
      await buildWeeksToNow(app, {
        agents: ['agent3@demo.test'],
        weeks: 10,
        callsPerWeek: 3,
        prefix: 'PV',
        seed: 71,
      });
    },
    { database: 'embedded', now: JOURNEY_NOW },
  );

  const plans = async (agentId: string) =>
    (await journey.app.server.database.dataSource.query(
      `SELECT id, status, version, target_focus_score, notes, focus_codes, start_date::text, due_date::text, achieved, closed_at
         FROM coaching_plan WHERE agent_id = $1`,
      [agentId],
    )) as Array<{
      id: string;
      status: string;
      version: number;
      target_focus_score: number;
      notes: string | null;
      focus_codes: string[];
      start_date: string;
      due_date: string;
      achieved: boolean | null;
      closed_at: Date | null;
    }>;

  it('runs on the embedded database', () => {
    expect(journey.app.db.embedded).toBe(true);
  });

  it('creates a plan from the suggested focus, edits it, logs two sessions and completes it, every step answering', async () => {
    const { app, browser } = journey;
    const { page } = browser;
    const agentId = app.cast.id('agent3@demo.test');
    const coach = await app.login('coach@demo.test');
    const suggested = await app.gql<{ suggestedFocus: Array<{ code: string }> }>(
      'query($id: ID!) { suggestedFocus(agentId: $id) { code } }',
      { id: agentId },
      coach,
    );
    const focus = suggested.data!.suggestedFocus.map((c) => c.code);
    expect(focus).toEqual(expect.arrayContaining(['R3', 'R5']));

    // Monday: the agent's page, then a new plan from it.
    await signIn(journey, 'coach@demo.test');
    await page.goto(`${app.url}/agents/${agentId}`);
    await answered('the agent page', page, '[data-testid="figure-mean"]');
    await page.locator('[data-testid="create-plan"]').click();
    await answered('the new plan form', page, '[data-testid="new-plan-form"]');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="plan-focus"] input[type="checkbox"]:checked').length === n,
      focus.length,
      { timeout: STEP_LIMIT_MS },
    );
    const checked = await page
      .locator('[data-testid="plan-focus"] input[type="checkbox"]:checked')
      .evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-code')));
    expect([...checked].sort()).toEqual([...focus].sort());
    await page.locator('input[data-method="ROLE_PLAY"]').check();
    await page.locator('input[data-method="CALL_REVIEW"]').check();
    await page.locator('[data-testid="plan-target"]').fill('75');
    await page.locator('[data-testid="plan-start"]').fill(WEEK.monday);
    await page.locator('[data-testid="plan-due"]').fill(DUE);
    await page.locator('[data-testid="plan-notes"]').fill('Avisar antes de poner en espera y cerrar cada llamada con una fecha.');
    await page.locator('[data-testid="create-plan-submit"]').click();
    await page.waitForURL(/\/coaching\/[0-9a-f-]{36}$/, { timeout: STEP_LIMIT_MS });
    const planId = page.url().split('/').pop()!;
    await answered('creating the plan', page, '[data-testid="plan-title"]');
    let [plan] = await plans(agentId);
    expect(plan).toMatchObject({ id: planId, status: 'ACTIVE', version: 1, start_date: WEEK.monday, due_date: DUE });
    expect([...plan!.focus_codes].sort()).toEqual([...focus].sort());

    // Still Monday: a higher goal and clearer notes.
    await page.locator('[data-testid="edit-plan"]').click();
    await answered('opening the edit form', page, '[data-testid="plan-edit-form"]');
    await page.locator('[data-testid="plan-target"]').fill('80');
    await page
      .locator('[data-testid="plan-notes"]')
      .fill('Avisar antes de poner en espera, decir cuánto tardará y cerrar con una fecha.');
    await page.locator('[data-testid="save-plan"]').click();
    await page.locator('[data-testid="plan-edit-form"]').waitFor({ state: 'detached', timeout: STEP_LIMIT_MS });
    await page.waitForFunction(() => document.querySelector('[data-testid="plan-goal"]')?.textContent?.trim() === '80,0', null, {
      timeout: STEP_LIMIT_MS,
    });
    expect(await page.locator('[data-testid="plan-notes-text"]').textContent()).toContain('decir cuánto tardará');
    [plan] = await plans(agentId);
    expect(plan).toMatchObject({ version: 2, target_focus_score: 80 });
    expect(plan!.notes).toContain('decir cuánto tardará');

    // Tuesday and Thursday: a session each.
    const sessions = [
      {
        date: WEEK.tuesday,
        notes: 'Escuchamos juntos tres llamadas con espera: en dos no avisó antes de poner música.',
        actions: 'Decir siempre cuánto va a tardar antes de poner en espera.',
      },
      {
        date: WEEK.thursday,
        notes: 'Role play de un cobro duplicado: cierra con fecha de devolución y número de incidencia.',
        actions: 'Repetirlo en las llamadas reales de la semana que viene.',
      },
    ];
    for (const [i, session] of sessions.entries()) {
      await page.locator('[data-testid="session-date"]').fill(session.date);
      await page.locator('[data-testid="session-notes"]').fill(session.notes);
      await page.locator('[data-testid="session-actions"]').fill(session.actions);
      await page.locator('[data-testid="save-session"]').click();
      await answered(`logging session ${i + 1}`, page, `[data-testid="plan-session"]:nth-child(${i + 1})`);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="plan-session"]').length === n, i + 1, {
        timeout: STEP_LIMIT_MS,
      });
    }
    const logged = (await app.server.database.dataSource.query(
      'SELECT date::text, notes, agreed_actions FROM coaching_session WHERE plan_id = $1 ORDER BY date',
      [planId],
    )) as Array<{ date: string; notes: string; agreed_actions: string }>;
    expect(logged).toEqual(sessions.map((s) => ({ date: s.date, notes: s.notes, agreed_actions: s.actions })));

    // Friday: the plan is done.
    await page.locator('[data-testid="complete-plan"]').click();
    await answered('asking to confirm', page, '[data-testid="confirm-box"]');
    await page.locator('[data-testid="confirm-yes"]').click();
    await answered('completing the plan', page, '[data-testid="plan-status"][data-status="COMPLETED"]');
    expect(await page.locator('[data-testid="session-form"]').count()).toBe(0);
    expect(await page.locator('[data-testid="edit-plan"]').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot('90-coach-week-completed');
    [plan] = await plans(agentId);
    expect(plan).toMatchObject({ status: 'COMPLETED', version: 3 });
    expect(plan!.achieved).not.toBeNull();
    expect(plan!.closed_at).not.toBeNull();

    // The app is still there for everyone: the coach's list shows the plan completed, the agent signs in.
    await page.locator('a[href="/coaching"]').first().click();
    await answered('the coaching list', page, `[data-testid="plan-row"][data-status="COMPLETED"]`);
    const health = await fetch(`${app.url}/health`, { signal: AbortSignal.timeout(STEP_LIMIT_MS) });
    expect(health.status).toBe(200);
    expect(await app.login('agent3@demo.test')).toMatch(/^ey/);
  }, 120_000);
});
