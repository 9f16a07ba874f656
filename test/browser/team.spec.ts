import type { Page } from 'playwright-core';
import { roundHalfAwayFromZero } from '@decalogo/scoring';
import { browserAvailable, choosePeriod, signIn, useJourney } from '../support/browser.js';
import type { Period } from '../support/browser.js';
import {
  daysAfter,
  buildPlan,
  buildWeeksToNow,
  POSTVENTA_PLANS,
  POSTVENTA_AGENTS,
  COBRANZAS_AGENTS,
  isoDay,
  JOURNEY_NOW,
  startOfWeek,
  SESSION_NOTES,
} from '../support/journey-data.js';
import type { TestApp } from '../support/test-app.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

interface Overview {
  team: { name: string };
  agents: Array<{ agent: { id: string; name: string }; meanScore: number | null; evaluationCount: number }>;
  matrix: Array<{ agentId: string; code: string; mean: number }>;
  coaches: Array<{
    coach: { id: string; name: string };
    requested: number;
    provided: number;
    supervisorAvailability: number | null;
    teamCount: number;
  }>;
}

const OVERVIEW = `query($teamId: ID!, $from: DateTime!, $to: DateTime!) {
  teamOverview(teamId: $teamId, from: $from, to: $to) {
    team { name }
    agents { agent { id name } meanScore evaluationCount }
    matrix { agentId code mean }
    coaches { coach { id name } requested provided supervisorAvailability teamCount }
  }
}`;

/** A score as the Spanish screen shows it: one decimal, halves away from zero, decimal comma. */
const shown = (n: number) =>
  roundHalfAwayFromZero(n).toLocaleString('es-ES', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The period every test reads: the eight whole weeks from Monday 19 January to Sunday 15 March 2026
 * (the data also has calls in the week after, outside it). Chosen on the screen's period picker.
 */
const PERIOD = { from: '2026-01-19', to: '2026-03-15' };

/**
 * Chooses the period on the screen's picker and returns the window the screen then asked for (read
 * from its own request, so the API is asked the same), once the screen shows that answer.
 */
async function showPeriod(page: Page, period: Period = PERIOD) {
  const variables = await choosePeriod<{ teamId: string; from: string; to: string }>(page, 'TeamScreenOverview', period);
  await page.locator('.body[aria-busy="false"], [data-testid="team-empty"]').first().waitFor();
  return variables;
}

const rowIds = (page: Page) =>
  page.locator('[data-testid="agent-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agent-id')!));
const heatmapColumnIds = (page: Page) =>
  page
    .locator('[data-testid="heatmap"] thead th[data-agent-id]')
    .evaluateAll((ths) => ths.map((t) => t.getAttribute('data-agent-id')!));

/** Agent ids by mean score (agents without evaluations last), ties by name as the screen breaks them. */
function byScore(overview: Overview, dir: 1 | -1): string[] {
  const collator = new Intl.Collator('es-ES', { sensitivity: 'base' });
  return [...overview.agents]
    .sort((a, b) => {
      if (a.meanScore === null || b.meanScore === null) return a.meanScore === b.meanScore ? 0 : a.meanScore === null ? 1 : -1;
      return dir * (a.meanScore - b.meanScore) || collator.compare(a.agent.name, b.agent.name);
    })
    .map((a) => a.agent.id);
}

/**
 * Both teams as of the journey's "now" (Friday 20 March 2026): nine weeks of calls of every agent,
 * two a week, most evaluated by both evaluators (some with a supervisor asked for); open plans in
 * Postventa, an overdue one, a completed one and a cancelled one in Cobranzas.
 */
async function buildTeams(app: TestApp): Promise<void> {
  await buildWeeksToNow(app, { agents: POSTVENTA_AGENTS, weeks: 9, prefix: 'PV', seed: 11 });
  await buildWeeksToNow(app, { agents: COBRANZAS_AGENTS, weeks: 9, prefix: 'CB', seed: 12 });
  const plan = (weeksAgo: number, weeksLong: number) => ({
    startDate: isoDay(daysAfter(startOfWeek(JOURNEY_NOW), -7 * weeksAgo)),
    dueDate: isoDay(daysAfter(startOfWeek(JOURNEY_NOW), -7 * weeksAgo + 7 * weeksLong - 3)),
  });
  const sessions = (start: string, n: number) =>
    SESSION_NOTES.slice(0, n).map((s, i) => ({
      ...s,
      date: isoDay(daysAfter(new Date(`${start}T00:00:00Z`), 7 * i + 8)),
      acknowledged: true,
    }));
  const agent2 = plan(5, 8);
  await buildPlan(app, {
    ...POSTVENTA_PLANS.agent2,
    ...agent2,
    sessions: sessions(agent2.startDate, 3),
  });
  const agent4 = plan(3, 7);
  await buildPlan(app, {
    ...POSTVENTA_PLANS.agent4,
    ...agent4,
    sessions: sessions(agent4.startDate, 2),
  });
  // Due last Friday (13 March) and still open: overdue.
  const agent9 = plan(9, 9);
  await buildPlan(app, {
    agent: 'agent9@demo.test',
    coach: 'coach2@demo.test',
    focusCodes: ['R4', 'R5'],
    methods: ['WORKSHOP'],
    targetFocusScore: 75,
    ...agent9,
    notes: 'Cerrar acuerdos de pago con fecha.',
    sessions: sessions(agent9.startDate, 3),
  });
  await buildPlan(app, {
    agent: 'agent8@demo.test',
    coach: 'coach2@demo.test',
    focusCodes: ['R6'],
    methods: ['SIDE_BY_SIDE'],
    targetFocusScore: 50,
    ...plan(10, 6),
    status: 'COMPLETED',
    notes: 'Identificarse y decir el motivo al empezar.',
  });
  await buildPlan(app, {
    agent: 'agent10@demo.test',
    coach: 'coach2@demo.test',
    focusCodes: ['R8', 'R9'],
    methods: ['SEMINAR'],
    targetFocusScore: 85,
    ...plan(8, 6),
    status: 'CANCELLED',
    notes: 'Sustituido por un plan individual con RR. HH.',
  });
}

describeJourney('browser journey: a coach reads the team overview', () => {
  const journey = useJourney(buildTeams, { now: JOURNEY_NOW });

  it('starts on the team screen, reads every agent and the heatmap as the API computes them, sorts, opens an agent', async () => {
    const { app, browser } = journey;
    const { page } = browser;
    await signIn(journey, 'coach@demo.test');
    await page.waitForURL(/\/team/);
    expect(await page.locator('nav a[href="/team"]').getAttribute('aria-current')).toBe('page');
    const variables = await showPeriod(page);
    expect(variables).toMatchObject({ from: '2026-01-19T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' });

    const token = await app.login('coach@demo.test');
    const teams = (await app.gql<{ teams: Array<{ id: string; name: string }> }>('{ teams { id name } }', {}, token)).data!.teams;
    expect(teams.map((t) => t.name)).toEqual(['Postventa']);
    expect(variables.teamId).toBe(teams[0]!.id);
    const overview = (await app.gql<{ teamOverview: Overview }>(OVERVIEW, variables, token)).data!.teamOverview;
    expect(overview.agents).toHaveLength(5);
    // Every agent has evaluations in the period (and more after it, which the screen leaves out).
    const [inPeriod] = (await app.server.database.dataSource.query(
      `SELECT count(*)::int AS n FROM evaluation e JOIN app_user u ON u.id = e.agent_id JOIN team t ON t.id = u.team_id
        WHERE t.name = 'Postventa' AND e.call_started_at >= $1 AND e.call_started_at < $2`,
      [variables.from, variables.to],
    )) as Array<{ n: number }>;
    expect(overview.agents.map((a) => a.evaluationCount).reduce((x, y) => x + y)).toBe(inPeriod!.n);
    expect(overview.agents.every((a) => a.evaluationCount > 0)).toBe(true);
    // A coach with one team sees its name, not a picker.
    expect(await page.locator('[data-testid="team-name"]').textContent()).toContain('Postventa');
    expect(await page.locator('[data-testid="team-picker"]').count()).toBe(0);

    // Every agent of Postventa, each score as the API computes it, lowest score first by default.
    const rows = page.locator('[data-testid="agent-row"]');
    await rows.nth(4).waitFor();
    expect(await rows.count()).toBe(5);
    for (const a of overview.agents) {
      const row = page.locator(`[data-testid="agent-row"][data-agent-id="${a.agent.id}"]`);
      expect(await row.locator('[data-testid="agent-link"]').textContent()).toBe(a.agent.name);
      expect(await row.locator('[data-testid="agent-count"]').textContent()).toBe(String(a.evaluationCount));
      if (a.meanScore !== null) expect(await row.locator('[data-testid="agent-score"]').textContent()).toBe(shown(a.meanScore));
    }
    expect(await rowIds(page)).toEqual(byScore(overview, 1));
    const scoreHeader = page.locator('th:has(button[data-sort="score"])');
    expect(await scoreHeader.getAttribute('aria-sort')).toBe('ascending');

    // The open plans are the ones the database holds for these agents (agent2's and agent4's).
    const plans = (await app.server.database.dataSource.query(
      `SELECT p.id, p.agent_id FROM coaching_plan p JOIN app_user u ON u.id = p.agent_id JOIN team t ON t.id = u.team_id
        WHERE t.name = 'Postventa' AND p.status = 'ACTIVE' ORDER BY p.agent_id`,
    )) as Array<{ id: string; agent_id: string }>;
    expect(plans.map((p) => p.agent_id).sort()).toEqual(
      [app.cast.id('agent2@demo.test'), app.cast.id('agent4@demo.test')].sort(),
    );
    const planLinks = await page.locator('[data-testid="agent-plan"]').evaluateAll((links) =>
      links.map((l) => ({
        id: l.getAttribute('href')!.replace('/coaching/', ''),
        agent_id: l.closest('tr')!.getAttribute('data-agent-id')!,
      })),
    );
    expect([...planLinks].sort((a, b) => a.agent_id.localeCompare(b.agent_id))).toEqual(
      [...plans].sort((a, b) => a.agent_id.localeCompare(b.agent_id)),
    );

    // Supervisor availability by coach: Postventa's one coach, with the period's requests, as the API says.
    expect(overview.coaches.map((c) => c.coach.name)).toEqual(['Carmen Coach']);
    const [carmen] = overview.coaches;
    expect(carmen!.requested).toBeGreaterThan(0);
    expect(carmen!.teamCount).toBe(1);
    const coachRow = page.locator(`[data-testid="coach-row"][data-coach-id="${carmen!.coach.id}"]`);
    expect(await coachRow.locator('[data-testid="coach-name"]').textContent()).toBe('Carmen Coach');
    expect(Number(await coachRow.locator('[data-testid="coach-rate"]').getAttribute('data-rate'))).toBe(
      carmen!.supervisorAvailability,
    );
    expect(await coachRow.locator('[data-testid="coach-rate"]').textContent()).toBe(
      `${roundHalfAwayFromZero(carmen!.supervisorAvailability! * 100, 0)} %`,
    );
    expect(await coachRow.locator('[data-testid="coach-requests"]').textContent()).toBe(
      `${carmen!.provided} de ${carmen!.requested} peticiones`,
    );
    expect(await coachRow.locator('[data-testid="coach-teams"]').count()).toBe(0);
    await browser.screenshot('40-team-overview');

    // Sorting by score with a click flips to highest first; the heatmap's columns follow.
    await page.locator('button[data-sort="score"]').click();
    await page.locator('th[aria-sort="descending"]:has(button[data-sort="score"])').waitFor();
    expect(await rowIds(page)).toEqual(byScore(overview, -1));
    expect(await heatmapColumnIds(page)).toEqual(byScore(overview, -1));

    // From the keyboard: Enter on the name heading sorts by name.
    await page.locator('button[data-sort="name"]').focus();
    await page.keyboard.press('Enter');
    const collator = new Intl.Collator('es-ES', { sensitivity: 'base' });
    const byName = [...overview.agents].sort((a, b) => collator.compare(a.agent.name, b.agent.name)).map((a) => a.agent.id);
    await page.locator('th[aria-sort="ascending"]:has(button[data-sort="name"])').waitFor();
    expect(await scoreHeader.getAttribute('aria-sort')).toBeNull();
    expect(await rowIds(page)).toEqual(byName);
    expect(await heatmapColumnIds(page)).toEqual(byName);

    // The heatmap: one cell per rule of the rubric × agent, each the API's mean (empty where none).
    const rubric = (
      await app.gql<{ activeRubric: { criteria: Array<{ code: string }> } }>('{ activeRubric { criteria { code } } }', {}, token)
    ).data!.activeRubric.criteria;
    const cells = (await page.locator('[data-testid="heat-cell"]').evaluateAll((tds) =>
      tds.map((td) => ({
        code: td.getAttribute('data-code')!,
        agentId: td.getAttribute('data-agent-id')!,
        mean: td.getAttribute('data-mean'),
        text: td.textContent!.trim(),
      })),
    )) as Array<{ code: string; agentId: string; mean: string | null; text: string }>;
    expect(cells).toHaveLength(rubric.length * overview.agents.length);
    for (const { code } of rubric)
      for (const { agent } of overview.agents) {
        const cell = cells.find((c) => c.code === code && c.agentId === agent.id)!;
        const expected = overview.matrix.find((m) => m.code === code && m.agentId === agent.id);
        expect(cell.mean === null ? null : Number(cell.mean)).toBe(expected ? expected.mean : null);
        if (expected) expect(cell.text).toBe(shown(expected.mean));
        else expect(cell.text).toContain('—');
      }
    await page.locator('[data-testid="heatmap"]').scrollIntoViewIfNeeded();
    await browser.screenshot('41-team-heatmap');

    // At 768 px both tables scroll inside their own box, never the page.
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await browser.screenshot('42-team-768');
    await page.locator('[data-testid="heatmap"]').scrollIntoViewIfNeeded();
    await browser.screenshot('43-team-heatmap-768');
    await page.setViewportSize({ width: 1280, height: 800 });

    // An agent's name opens their page.
    const first = overview.agents[0]!.agent;
    await page.locator(`[data-testid="agent-row"][data-agent-id="${first.id}"] [data-testid="agent-link"]`).click();
    await page.waitForURL(new RegExp(`/agents/${first.id}$`));
  }, 120_000);

  it('shows the empty state for a window without calls, and a retry when the API cannot be reached', async () => {
    const { page } = journey.browser;
    await signIn(journey, 'coach@demo.test');
    await page.waitForURL(/\/team/);
    await showPeriod(page);
    await page.locator('[data-testid="agent-row"]').first().waitFor();

    await showPeriod(page, { from: '2001-01-01', to: '2001-01-31' });
    await page.locator('[data-testid="team-empty"]').waitFor();
    expect(await page.locator('[data-testid="team-empty"]').textContent()).toContain('Postventa');
    expect(await page.locator('[data-testid="agent-row"]').count()).toBe(0);
    await journey.browser.screenshot('44-team-empty');

    await page.route('**/graphql', (route) => route.abort());
    await page.locator('[data-testid="range-from"]').fill(PERIOD.from);
    await page.locator('[data-testid="range-to"]').fill(PERIOD.to);
    await page.locator('[data-testid="range-apply"]').click();
    await page.locator('[data-testid="team-error"]').waitFor();
    expect(await page.locator('[data-testid="team-error"]').textContent()).toContain('No se pudo contactar');
    await page.unroute('**/graphql');
    await page.locator('[data-testid="team-error"] button').click();
    await page.locator('[data-testid="agent-row"]').nth(4).waitFor();
  }, 90_000);

  it('lets an administrator pick either team, remembered in the address, with the overdue plan standing out', async () => {
    const { app, browser } = journey;
    const { page } = browser;
    await signIn(journey, 'admin@demo.test');
    await page.goto(`${app.url}/team`);
    const picker = page.locator('[data-testid="team-picker"]');
    await picker.waitFor();
    const options = await picker.locator('option').evaluateAll((os) => os.map((o) => o.textContent!.trim()));
    expect([...options].sort()).toEqual(['Cobranzas', 'Postventa']);

    const token = await app.login('admin@demo.test');
    const teams = (await app.gql<{ teams: Array<{ id: string; name: string }> }>('{ teams { id name } }', {}, token)).data!.teams;
    const cobranzas = teams.find((t) => t.name === 'Cobranzas')!;
    await picker.selectOption(cobranzas.id);
    await page.waitForURL(new RegExp(`[?&]team=${cobranzas.id}`));
    await page.locator('[data-testid="team-name"]', { hasText: 'Cobranzas' }).waitFor();
    expect((await showPeriod(page)).teamId).toBe(cobranzas.id);
    await page.locator('[data-testid="agent-row"]').nth(4).waitFor();

    // Agent9's plan, due on 13 March and still open on the 20th.
    const overdueRows = (await app.server.database.dataSource.query(
      `SELECT p.id FROM coaching_plan p JOIN app_user u ON u.id = p.agent_id JOIN team t ON t.id = u.team_id
        WHERE t.name = 'Cobranzas' AND p.status = 'ACTIVE' AND p.due_date < $1`,
      [isoDay(JOURNEY_NOW)],
    )) as Array<{ id: string }>;
    expect(overdueRows).toHaveLength(1);
    const [overdue] = overdueRows;
    const marker = page.locator(`[data-testid="agent-plan"][href="/coaching/${overdue!.id}"]`);
    expect(await marker.getAttribute('data-status')).toBe('OVERDUE');
    expect(await marker.textContent()).toContain('Vencido');
    await browser.screenshot('45-team-admin-cobranzas');

    // A reload keeps the team chosen.
    await page.reload();
    await page.locator('[data-testid="team-name"]', { hasText: 'Cobranzas' }).waitFor();
    expect(await picker.inputValue()).toBe(cobranzas.id);
    await showPeriod(page);

    // In English the rules' titles come from the API in English.
    await page.locator('[data-testid="lang-en"]').click();
    await page.locator('[data-testid="heatmap"] th.rule', { hasText: 'The customer is our consumer par excellence' }).waitFor();
    expect(await page.locator('h2', { hasText: 'Rules by agent' }).count()).toBe(1);
    await page.locator('[data-testid="lang-es"]').click();
    await page.locator('[data-testid="heatmap"] th.rule', { hasText: 'El cliente es el consumidor por excelencia' }).waitFor();
  }, 90_000);

  it('shows a coach who leads two teams judged over both, as the API computes it', async () => {
    const { app, browser } = journey;
    const { page } = browser;
    const token = await app.login('admin@demo.test');
    await signIn(journey, 'admin@demo.test');
    type TeamRow = { id: string; name: string; coaches: Array<{ id: string }> };
    const teams = (await app.gql<{ teams: TeamRow[] }>('{ teams { id name coaches { id } } }', {}, token)).data!.teams;
    const postventa = teams.find((t) => t.name === 'Postventa')!;
    const cobranzas = teams.find((t) => t.name === 'Cobranzas')!;
    // Carmen, Postventa's coach, takes on Cobranzas as well.
    const updated = await app.gql(
      'mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }',
      { id: cobranzas.id, input: { coachIds: [...cobranzas.coaches.map((c) => c.id), ...postventa.coaches.map((c) => c.id)] } },
      token,
    );
    expect(updated.errors).toBeUndefined();
    // What the screen shows while Carmen coaches both teams.
    const coachOfBoth = async () => {
      await page.goto(`${app.url}/team?team=${cobranzas.id}`);
      await page.locator('[data-testid="team-name"]', { hasText: 'Cobranzas' }).waitFor();
      const variables = await showPeriod(page);
      const overview = (await app.gql<{ teamOverview: Overview }>(OVERVIEW, variables, token)).data!.teamOverview;
      expect(overview.coaches.map((c) => [c.coach.name, c.teamCount])).toEqual([
        ['Carlos Coach', 1],
        ['Carmen Coach', 2],
      ]);
      const table = page.locator('[data-testid="coach-availability"]');
      await table.locator('[data-testid="coach-row"]').nth(1).waitFor();
      expect(
        await table.locator('[data-testid="coach-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-coach-id'))),
      ).toEqual(overview.coaches.map((c) => c.coach.id));
      for (const c of overview.coaches) {
        const row = table.locator(`[data-testid="coach-row"][data-coach-id="${c.coach.id}"]`);
        if (c.supervisorAvailability === null) {
          expect(await row.locator('[data-testid="coach-rate"]').textContent()).toBe('—');
          expect(await row.locator('[data-testid="coach-no-requests"]').count()).toBe(1);
        } else {
          expect(Number(await row.locator('[data-testid="coach-rate"]').getAttribute('data-rate'))).toBe(
            c.supervisorAvailability,
          );
          expect(await row.locator('[data-testid="coach-rate"]').textContent()).toBe(
            `${roundHalfAwayFromZero(c.supervisorAvailability * 100, 0)} %`,
          );
          expect(await row.locator('[data-testid="coach-requests"]').textContent()).toBe(
            `${c.provided} de ${c.requested} peticiones`,
          );
        }
        expect(await row.locator('[data-testid="coach-teams"]').count()).toBe(c.teamCount > 1 ? 1 : 0);
      }
      // Carmen's figure spans both teams: more requests than Postventa's or Cobranzas's alone.
      const carmen = overview.coaches.find((c) => c.teamCount === 2)!;
      const carlos = overview.coaches.find((c) => c.teamCount === 1)!;
      expect(carmen.requested).toBeGreaterThan(carlos.requested);
      expect(await table.locator(`[data-coach-id="${carmen.coach.id}"] [data-testid="coach-teams"]`).textContent()).toContain(
        '2 equipos',
      );
      await table.scrollIntoViewIfNeeded();
      await browser.screenshot('47-team-coaches');

      // At 768 px the card fits without widening the page.
      await page.setViewportSize({ width: 768, height: 1000 });
      await table.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
      const box = (await table.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(768);
      await browser.screenshot('48-team-coaches-768');
    };
    try {
      await coachOfBoth();
    } finally {
      // Cobranzas gets its own coach back, so no other journey sees Carmen there.
      await app.gql(
        'mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }',
        { id: cobranzas.id, input: { coachIds: cobranzas.coaches.map((c) => c.id) } },
        token,
      );
    }
  }, 90_000);

  it('tells a coach without teams what to do', async () => {
    const { app, browser } = journey;
    const admin = await app.login('admin@demo.test');
    const created = await app.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: 'new.coach@demo.test', name: 'Nora Nueva', password: 'decalogo-demo', roles: ['COACH'] } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    await signIn(journey, 'new.coach@demo.test');
    await browser.page.waitForURL(/\/team/);
    await browser.page.locator('[data-testid="no-teams"]').waitFor();
    await browser.screenshot('46-team-no-teams');
  }, 90_000);
});
