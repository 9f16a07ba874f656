import type { Page } from 'playwright-core';
import { roundHalfAwayFromZero } from '@decalogo/scoring';
import { addDays, fieldOf, parseTarget, validatePlan } from '../../apps/web/src/app/features/coaching/plan-form.js';
import {
  mondayOf,
  planBand,
  trendDirection,
  valuesByWeek,
  weekAxis,
} from '../../apps/web/src/app/features/progress/weekly-series.js';
import { browserAvailable, choosePeriod, signIn, useJourney } from '../support/browser.js';
import {
  buildPlan,
  buildWeeksToNow,
  POSTVENTA_PLANS,
  POSTVENTA_AGENTS,
  daysAfter,
  isoDay,
  JOURNEY_NOW,
  SESSION_NOTES,
  startOfWeek,
} from '../support/journey-data.js';
import type { TestApp } from '../support/test-app.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

// The screens' pure helpers (plain TypeScript, no Angular), checked here where a runner picks them up.
describe('agent page and plan form helpers', () => {
  it('weekAxis lists every Monday of the window, weeks without evaluations too, plus any week the API reported', () => {
    expect(mondayOf('2025-03-05')).toBe('2025-03-03');
    expect(mondayOf('2025-03-03')).toBe('2025-03-03');
    expect(mondayOf('2025-03-09')).toBe('2025-03-03');
    expect(weekAxis('2025-03-05T10:00:00Z', '2025-03-24T00:00:00Z')).toEqual(['2025-03-03', '2025-03-10', '2025-03-17']);
    expect(weekAxis('2025-03-05T10:00:00Z', '2025-03-17T00:00:00Z', ['2025-02-24'])).toEqual([
      '2025-02-24',
      '2025-03-03',
      '2025-03-10',
    ]);
  });

  it('valuesByWeek leaves weeks without data empty; planBand covers only the weeks overlapping the plan', () => {
    const axis = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];
    expect(valuesByWeek(axis, [{ weekStart: '2025-03-10', value: 71.5 }])).toEqual([null, 71.5, null, null]);
    expect(planBand(axis, { startDate: '2025-03-09', dueDate: '2025-03-18', targetFocusScore: 70 })).toEqual([70, 70, 70, null]);
  });

  it('trendDirection is flat when the trend shows as 0.0', () => {
    expect(trendDirection(0.049)).toBe('flat');
    expect(trendDirection(-0.049)).toBe('flat');
    expect(trendDirection(0.05)).toBe('up');
    expect(trendDirection(-1.2)).toBe('down');
  });

  it('validatePlan says what the server would refuse; fieldOf maps the API’s field to the form’s', () => {
    const ok = {
      agentId: 'a',
      focusCodes: ['R1'],
      methods: ['ROLE_PLAY'],
      target: '80',
      startDate: '2025-03-03',
      dueDate: '2025-04-14',
    };
    expect(validatePlan(ok)).toEqual({});
    expect(
      validatePlan({
        ...ok,
        agentId: '',
        focusCodes: ['R1', 'R2', 'R3', 'R4'],
        methods: [],
        target: '101',
        dueDate: '2025-03-03',
      }),
    ).toEqual({
      agentId: 'coaching.error.agent',
      focusCodes: 'coaching.error.focus',
      methods: 'coaching.error.methods',
      targetFocusScore: 'coaching.error.target',
      dueDate: 'coaching.error.due',
    });
    expect(parseTarget('72,5')).toBe(72.5);
    expect(parseTarget('-1')).toBeNull();
    expect(parseTarget('abc')).toBeNull();
    expect(addDays('2025-02-27', 42)).toBe('2025-04-10');
    expect(fieldOf('input.focusCodes[1]')).toBe('focusCodes');
    expect(fieldOf('input.dueDate')).toBe('dueDate');
    expect(fieldOf('input.somethingElse')).toBeNull();
    expect(fieldOf(undefined)).toBeNull();
  });
});

/** Whether every chart canvas on the page has drawn something (some pixel is not transparent). */
async function waitForDrawnCharts(page: Page, expected: number): Promise<void> {
  await page.waitForFunction((n) => {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-testid="chart-canvas"]')];
    if (canvases.length !== n) return false;
    return canvases.every((canvas) => {
      if (!canvas.width || !canvas.height) return false;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
      return false;
    });
  }, expected);
}

/** Monday 12 January to Friday 20 March 2026: the ten weeks of calls, the period the agent page is read over. */
const PERIOD = { from: '2026-01-12', to: isoDay(JOURNEY_NOW) };

/**
 * Postventa as of the journey's "now" (Friday 20 March 2026, also the API's "today" for the
 * suggested focus, which looks back 90 days): ten weeks of evaluated calls of its five agents, and
 * Carmen's plans — agent2's and agent4's running, agent1's completed.
 */
async function buildPostventa(app: TestApp): Promise<void> {
  await buildWeeksToNow(app, { agents: POSTVENTA_AGENTS, weeks: 10, prefix: 'PV', seed: 21 });
  const monday = startOfWeek(JOURNEY_NOW);
  const sessions = (start: Date, n: number) =>
    SESSION_NOTES.slice(0, n).map((s, i) => ({ ...s, date: isoDay(daysAfter(start, 7 * i + 1)), acknowledged: i < n - 1 }));
  await buildPlan(app, {
    ...POSTVENTA_PLANS.agent2,
    startDate: isoDay(daysAfter(monday, -35)),
    dueDate: isoDay(daysAfter(monday, 18)),
    sessions: sessions(daysAfter(monday, -35), 3),
  });
  await buildPlan(app, {
    ...POSTVENTA_PLANS.agent4,
    startDate: isoDay(daysAfter(monday, -21)),
    dueDate: isoDay(daysAfter(monday, 25)),
    sessions: sessions(daysAfter(monday, -21), 2),
  });
  await buildPlan(app, {
    agent: 'agent1@demo.test',
    coach: 'coach@demo.test',
    focusCodes: ['R6'],
    methods: ['SIDE_BY_SIDE'],
    targetFocusScore: 80,
    startDate: isoDay(daysAfter(monday, -63)),
    dueDate: isoDay(daysAfter(monday, -24)),
    status: 'COMPLETED',
    achieved: true,
    notes: 'Presentarse y decir el motivo al empezar las llamadas salientes.',
    sessions: sessions(daysAfter(monday, -63), 3).map((s) => ({ ...s, acknowledged: true })),
  });
}

describeJourney('browser journey: a coach reads an agent’s progress, creates, runs and edits a coaching plan', () => {
  const journey = useJourney(buildPostventa, { now: JOURNEY_NOW });

  const query = async <T>(sql: string, params: unknown[] = []) =>
    (await journey.app.server.database.dataSource.query(sql, params)) as T[];

  it('shows the figures and charts from the API, creates the suggested plan, logs a session and edits the plan', async () => {
    const { app, browser } = journey;
    const { page } = browser;
    const agent2 = { id: app.cast.id('agent2@demo.test') };
    const agent3 = { id: app.cast.id('agent3@demo.test') };
    const coachRow = { id: app.cast.id('coach@demo.test') };
    const coach = await app.login('coach@demo.test');

    await signIn(journey, 'coach@demo.test');
    await page.locator('a[href="/coaching"]').first().click();
    const rows = page.locator('[data-testid="plan-row"]');
    await rows.nth(2).waitFor();
    // Carmen's three plans: two running, one completed.
    expect(await rows.count()).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')).sort())).toEqual([
      'ACTIVE',
      'ACTIVE',
      'COMPLETED',
    ]);
    await browser.screenshot('30-coaching-list');

    // From the list to agent2's page (their plan is active: the weekly chart shows its goal band).
    await page.locator(`[data-testid="plan-row"] a[href="/agents/${agent2.id}"]`).first().click();
    await page.locator('[data-testid="figure-mean"]').waitFor();
    // The period chosen on the page; the window it then asks for, read from its own request.
    const asked = await choosePeriod(page, 'AgentPage', PERIOD);
    expect(asked).toMatchObject({ from: '2026-01-12T00:00:00.000Z', to: '2026-03-21T00:00:00.000Z' });
    await waitForDrawnCharts(page, 2);
    const api = await app.gql<{
      agentProgress: {
        meanScore: number;
        marginOfError: number;
        evaluationCount: number;
        criteria: unknown[];
        teamCriteria: unknown[];
      };
    }>(
      `query($id: ID!, $from: DateTime!, $to: DateTime!) { agentProgress(agentId: $id, from: $from, to: $to) {
        meanScore marginOfError evaluationCount criteria { code } teamCriteria { code } } }`,
      { id: agent2.id, from: asked.from, to: asked.to },
      coach,
    );
    const p = api.data!.agentProgress;
    // Every evaluated call of agent2 in those ten weeks.
    const [evaluated] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM evaluation WHERE agent_id = $1 AND status <> 'DRAFT' AND call_started_at >= $2 AND call_started_at < $3`,
      [agent2.id, asked.from, asked.to],
    );
    expect(p.evaluationCount).toBe(evaluated!.n);
    expect(p.evaluationCount).toBeGreaterThan(10);
    const one = (v: number) =>
      new Intl.NumberFormat('es-ES', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(roundHalfAwayFromZero(v, 1));
    const figure = `${one(p.meanScore)} ± ${one(p.marginOfError)} (n=${p.evaluationCount})`;
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector('[data-testid="figure-mean"] [data-testid="figure-value"]')
          ?.textContent?.replace(/\s+/g, ' ')
          .trim() === expected,
      figure,
    );
    expect(p.teamCriteria.length).toBe(10);
    // The rules chart's accessible table lists the ten rules.
    expect(await page.locator('[data-testid="rules-chart"] tbody tr').count()).toBe(10);
    await browser.screenshot('31-agent-page');
    await page.setViewportSize({ width: 768, height: 1000 });
    // The charts follow their container's new width (chart.js resizes on the next frame).
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-testid="chart-canvas"]')].every(
        (canvas) => Math.abs(canvas.getBoundingClientRect().width - canvas.parentElement!.getBoundingClientRect().width) < 2,
      ),
    );
    await waitForDrawnCharts(page, 2);
    await browser.screenshot('32-agent-page-768');
    await page.setViewportSize({ width: 1280, height: 800 });

    // agent3 by typing the URL; the plan starts from their suggested focus.
    await page.goto(`${app.url}/agents/${agent3.id}`);
    // A full load restores the session from the token; the page then draws again.
    await page.locator('[data-testid="figure-mean"]').waitFor();
    await waitForDrawnCharts(page, 2);
    const suggested = await app.gql<{ suggestedFocus: Array<{ code: string }> }>(
      'query($id: ID!) { suggestedFocus(agentId: $id) { code } }',
      { id: agent3.id },
      coach,
    );
    const focus = suggested.data!.suggestedFocus.map((c) => c.code);
    expect(focus.length).toBeGreaterThanOrEqual(1);
    await page.locator('[data-testid="create-plan"]').click();
    await page.waitForURL(`**/coaching/new?agent=${agent3.id}`);
    const form = page.locator('[data-testid="new-plan-form"]');
    await form.waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="plan-focus"] input[type="checkbox"]:checked').length === n,
      focus.length,
    );
    const checked = await page
      .locator('[data-testid="plan-focus"] input[type="checkbox"]:checked')
      .evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-code')));
    expect([...checked].sort()).toEqual([...focus].sort());

    // Sending without a method is refused next to the field, before anything is written.
    const plansBefore = await app.count('coaching_plan');
    await page.locator('[data-testid="create-plan-submit"]').click();
    await page.locator('[data-testid="plan-methods"] .field-error').waitFor();
    expect(await app.count('coaching_plan')).toBe(plansBefore);

    await page.locator('input[data-method="CALL_REVIEW"]').check();
    await page.locator('input[data-method="ROLE_PLAY"]').check();
    await page.locator('[data-testid="plan-target"]').fill('80');
    const start = await page.locator('[data-testid="plan-start"]').inputValue();
    const due = addDays(start, 28);
    await page.locator('[data-testid="plan-due"]').fill(due);
    await page.locator('[data-testid="plan-notes"]').fill('Escuchar juntos dos llamadas por semana.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot('33-new-plan');
    await page.locator('[data-testid="create-plan-submit"]').click();
    await page.waitForURL(/\/coaching\/[0-9a-f-]{36}$/);
    const planId = page.url().split('/').pop()!;
    await page.locator('[data-testid="plan-title"]').waitFor();
    await waitForDrawnCharts(page, 1);

    // Log a session on the new plan.
    await page.locator('[data-testid="session-notes"]').fill('Revisamos dos llamadas: falta confirmar la necesidad del cliente.');
    await page.locator('[data-testid="session-actions"]').fill('Repetir la necesidad antes de proponer una solución.');
    await page.locator('[data-testid="save-session"]').click();
    await page.locator('[data-testid="plan-session"]').first().waitFor();
    await waitForDrawnCharts(page, 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot('34-plan-page');

    // Edit the plan: a later due date and a higher goal; the page then shows them.
    await page.locator('[data-testid="edit-plan"]').click();
    const editForm = page.locator('[data-testid="plan-edit-form"]');
    await editForm.waitFor();
    expect(await page.locator('[data-testid="plan-target"]').inputValue()).toBe('80');
    expect(await page.locator('[data-testid="plan-due"]').inputValue()).toBe(due);
    expect(await page.locator('[data-testid="plan-start"]').count()).toBe(0);
    const newDue = addDays(start, 42);
    await page.locator('[data-testid="plan-target"]').fill('85');
    await page.locator('[data-testid="plan-due"]').fill(newDue);
    await page.locator('[data-testid="plan-edit-form"] h2').scrollIntoViewIfNeeded();
    await browser.screenshot('35-plan-edit');
    await page.setViewportSize({ width: 768, height: 1000 });
    // Nothing wider than the window at 768 px: the fields wrap instead.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await browser.screenshot('36-plan-edit-768');
    await page.setViewportSize({ width: 1280, height: 800 });
    // Leaving with the edit unsaved asks first; staying keeps it.
    const dialogShown = page.waitForEvent('dialog');
    const leaving = page.locator('a[href="/team"]').click();
    const dialog = await dialogShown;
    expect(dialog.message()).toBe('Hay cambios sin guardar. Si sales ahora, se perderán. ¿Salir de todos modos?');
    await dialog.dismiss();
    await leaving;
    expect(new URL(page.url()).pathname).toBe(`/coaching/${planId}`);
    expect(await page.locator('[data-testid="plan-target"]').inputValue()).toBe('85');
    await page.locator('[data-testid="save-plan"]').click();
    await editForm.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="plan-goal"]')?.textContent?.trim() === '85,0');
    const longDate = (day: string) => new Intl.DateTimeFormat('es-ES', { dateStyle: 'long' }).format(new Date(`${day}T12:00:00`));
    expect(await page.locator('[data-testid="plan-period"]').textContent()).toContain(longDate(newDue));

    const [plan] = await query<{
      agent_id: string;
      coach_id: string;
      focus_codes: string[];
      methods: string[];
      target_focus_score: number;
      start_date: string;
      due_date: string;
      status: string;
      notes: string;
      version: number;
    }>(
      `SELECT agent_id, coach_id, focus_codes, methods, target_focus_score, start_date::text, due_date::text, status, notes, version
         FROM coaching_plan WHERE id = $1`,
      [planId],
    );
    expect(plan).toMatchObject({
      agent_id: agent3.id,
      coach_id: coachRow.id,
      start_date: start,
      due_date: newDue,
      status: 'ACTIVE',
      notes: 'Escuchar juntos dos llamadas por semana.',
    });
    expect([...plan!.focus_codes].sort()).toEqual([...focus].sort());
    expect([...plan!.methods].sort()).toEqual(['CALL_REVIEW', 'ROLE_PLAY']);
    expect(Number(plan!.target_focus_score)).toBe(85);
    expect(plan!.version).toBe(2);
    const sessions = await query<{ notes: string; agreed_actions: string; created_by: string; acknowledged_at: Date | null }>(
      'SELECT notes, agreed_actions, created_by, acknowledged_at FROM coaching_session WHERE plan_id = $1',
      [planId],
    );
    expect(sessions).toEqual([
      {
        notes: 'Revisamos dos llamadas: falta confirmar la necesidad del cliente.',
        agreed_actions: 'Repetir la necesidad antes de proponer una solución.',
        created_by: coachRow.id,
        acknowledged_at: null,
      },
    ]);

    // Cancelling asks for confirmation first, then closes the plan (no more sessions), from the version shown.
    await page.locator('[data-testid="cancel-plan"]').click();
    await page.locator('[data-testid="confirm-box"]').waitFor();
    await page.locator('[data-testid="confirm-yes"]').click();
    await page.locator('[data-testid="plan-status"][data-status="CANCELLED"]').waitFor();
    expect(await page.locator('[data-testid="session-form"]').count()).toBe(0);
    expect(await page.locator('[data-testid="edit-plan"]').count()).toBe(0);
    const [closed] = await query<{ status: string; version: number }>('SELECT status, version FROM coaching_plan WHERE id = $1', [
      planId,
    ]);
    expect(closed).toEqual({ status: 'CANCELLED', version: 3 });
  }, 120_000);
});
