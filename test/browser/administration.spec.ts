import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { browserAvailable, signIn, useJourney } from '../support/browser.js';
import { buildWeeks, JOURNEY_NOW, startOfWeek } from '../support/journey-data.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

const NEW_EMAIL = 'marta.quiroga@example.com';

describeJourney('browser journey: an administrator manages people, reads the audit log and exports evaluations', () => {
  // Six weeks of evaluations of both teams (to 15 March 2026): acknowledged, a few disputed and
  // resolved, and the critical failures of the agents who slip on R8 or R9 — what the evaluation
  // list filters and exports.
  const journey = useJourney(async (app) => {
    await buildWeeks(app, {
      agents: Array.from({ length: 10 }, (_, i) => `agent${i + 1}@demo.test`),
      until: startOfWeek(JOURNEY_NOW),
      weeks: 6,
      prefix: 'LL',
      seed: 41,
      outcome: ({ index, week, lowCodes }) =>
        !lowCodes.length
          ? 'ACKNOWLEDGED'
          : index % 9 === 4
            ? { status: 'RESOLVED', decision: index % 2 ? 'AMEND' : 'UPHOLD' }
            : index % 9 === 7 && week >= 4
              ? 'DISPUTED'
              : 'ACKNOWLEDGED',
    });
  });

  const query = async <T>(sql: string, params: unknown[] = []) =>
    (await journey.app.server.database.dataSource.query(sql, params)) as T[];

  it('creates and deactivates a user, creates a team, finds both in the audit log, exports a filtered list', async () => {
    const { browser } = journey;
    const { page } = browser;
    const usersBefore = await journey.app.count('app_user');

    // Administration opens on its users.
    await signIn(journey, 'admin@demo.test');
    await page.locator('a[href="/admin"]').click();
    await page.waitForURL('**/admin/users');
    await page.locator('[data-testid="user-row"][data-email="agent1@demo.test"]').waitFor();
    expect(await page.locator('[data-testid="user-row"]').count()).toBe(usersBefore);
    await browser.screenshot('60-admin-users');

    // Create a user: an agent of Postventa who prefers English.
    await page.locator('[data-testid="new-user"]').click();
    const form = page.locator('[data-testid="user-form"]');
    await form.locator('[data-testid="user-email"]').fill(NEW_EMAIL);
    await form.locator('[data-testid="user-name-input"]').fill('Marta Quiroga');
    await form.locator('[data-testid="user-password"]').fill('bienvenida-2024');
    await form.locator('[data-testid="user-team"]').selectOption({ label: 'Postventa' });
    await form.locator('[data-testid="user-locale"]').selectOption('en');
    expect(await form.locator('[data-testid="user-role-AGENT"]').isChecked()).toBe(true);
    await browser.screenshot('61-user-form');
    await form.locator('[data-testid="save-user"]').click();
    const row = page.locator(`[data-testid="user-row"][data-email="${NEW_EMAIL}"]`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Marta Quiroga[\s\S]*Agente[\s\S]*Postventa[\s\S]*Inglés[\s\S]*Activo/);
    const [created] = await query<{ id: string; name: string; roles: string[]; locale: string; active: boolean; team: string }>(
      `SELECT u.id, u.name, u.roles, u.locale, u.active, t.name AS team FROM app_user u JOIN team t ON t.id = u.team_id WHERE u.email = $1`,
      [NEW_EMAIL],
    );
    expect(created).toMatchObject({ name: 'Marta Quiroga', roles: ['AGENT'], locale: 'en', active: true, team: 'Postventa' });
    expect(await journey.app.count('app_user')).toBe(usersBefore + 1);

    // The same email again: the API's refusal shows next to the email field, nothing is written.
    await page.locator('[data-testid="new-user"]').click();
    await form.locator('[data-testid="user-email"]').fill(NEW_EMAIL.toUpperCase());
    await form.locator('[data-testid="user-name-input"]').fill('Marta Otra');
    await form.locator('[data-testid="user-password"]').fill('bienvenida-2024');
    await form.locator('[data-testid="save-user"]').click();
    const emailError = form.locator('[data-testid="error-email"]');
    await emailError.waitFor();
    expect(await emailError.textContent()).toContain('Ya existe un usuario con este correo.');
    expect(await form.locator('[data-testid="user-email"]').getAttribute('aria-invalid')).toBe('true');
    await browser.screenshot('62-user-duplicate-email');
    expect(await journey.app.count('app_user')).toBe(usersBefore + 1);
    await form.getByRole('button', { name: 'Cancelar' }).click();

    // Edit: another role and another team; the form opens with the current values.
    await row.locator('[data-testid="edit-user"]').click();
    expect(await form.locator('[data-testid="user-name-input"]').inputValue()).toBe('Marta Quiroga');
    expect(await form.locator('[data-testid="user-locale"]').inputValue()).toBe('en');
    await form.locator('[data-testid="user-role-EVALUATOR"]').check();
    await form.locator('[data-testid="user-team"]').selectOption({ label: 'Cobranzas' });
    await form.locator('[data-testid="save-user"]').click();
    await page.locator('[data-testid="notice"]').filter({ hasText: 'Cambios de Marta Quiroga guardados.' }).waitFor();
    expect(await row.textContent()).toMatch(/Evaluación[\s\S]*Agente[\s\S]*Cobranzas/);
    const [edited] = await query<{ roles: string[]; team: string }>(
      `SELECT u.roles, t.name AS team FROM app_user u JOIN team t ON t.id = u.team_id WHERE u.email = $1`,
      [NEW_EMAIL],
    );
    expect(edited).toEqual({ roles: ['EVALUATOR', 'AGENT'], team: 'Cobranzas' });

    // Deactivate, after saying yes.
    await row.locator('[data-testid="toggle-active"]').click();
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('¿Desactivar a Marta Quiroga?');
    await browser.screenshot('63-user-deactivate-confirm');
    await dialog.locator('[data-testid="confirm"]').click();
    await page.waitForFunction(
      (email) =>
        document
          .querySelector(`[data-testid="user-row"][data-email="${email}"] [data-testid="user-status"]`)
          ?.textContent?.includes('Desactivado'),
      NEW_EMAIL,
    );
    expect(await row.locator('[data-testid="toggle-active"]').textContent()).toContain('Reactivar');
    const [deactivated] = await query<{ active: boolean }>(`SELECT active FROM app_user WHERE email = $1`, [NEW_EMAIL]);
    expect(deactivated!.active).toBe(false);

    // A team with a coach.
    await page.locator('[data-testid="admin-tab-teams"]').click();
    await page.locator('[data-testid="team-card"][data-name="Postventa"]').waitFor();
    await page.locator('[data-testid="new-team"]').click();
    await page.locator('[data-testid="team-name"]').fill('Retención');
    await page.locator('[data-testid="team-coach-coach2@demo.test"]').check();
    await page.locator('[data-testid="save-team"]').click();
    const card = page.locator('[data-testid="team-card"][data-name="Retención"]');
    await card.waitFor();
    expect(await card.locator('[data-testid="team-coaches"]').textContent()).toContain('Carlos');
    await browser.screenshot('64-teams');
    const teamRows = await query<{ id: string; coach: string }>(
      `SELECT t.id, u.email AS coach FROM team t JOIN team_coach c ON c.team_id = t.id JOIN app_user u ON u.id = c.user_id WHERE t.name = 'Retención'`,
    );
    expect(teamRows.map((r) => r.coach)).toEqual(['coach2@demo.test']);

    // Edit the team: a second coach.
    await card.locator('[data-testid="edit-team"]').click();
    await page.locator('[data-testid="team-coach-coach@demo.test"]').check();
    await page.locator('[data-testid="save-team"]').click();
    await page.locator('[data-testid="notice"]').filter({ hasText: 'Equipo Retención guardado.' }).waitFor();
    expect(await card.locator('[data-testid="team-coaches"]').textContent()).toMatch(
      /Carlos Coach[\s\S]*Carmen Coach|Carmen Coach[\s\S]*Carlos Coach/,
    );
    const coachesNow = await query<{ email: string }>(
      `SELECT u.email FROM team_coach c JOIN app_user u ON u.id = c.user_id WHERE c.team_id = $1 ORDER BY u.email`,
      [teamRows[0]!.id],
    );
    expect(coachesNow.map((c) => c.email)).toEqual(['coach2@demo.test', 'coach@demo.test']);

    // The audit log: the new user's history, its deactivation shown as a change of `active`.
    await page.locator('[data-testid="admin-tab-audit"]').click();
    await page.locator('[data-testid="audit-table"]').waitFor();
    await page.locator('[data-testid="audit-entity-id"]').fill(created!.id);
    await page.locator('[data-testid="audit-apply"]').click();
    await page.locator(`[data-testid="audit-table"][data-filter="entityId=${created!.id}"]`).waitFor();
    const auditRows = page.locator('[data-testid="audit-row"]');
    expect(await auditRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual([
      'user.update',
      'user.update',
      'user.create',
    ]);
    await auditRows.first().locator('[data-testid="audit-toggle"]').click();
    const activeLine = page.locator('[data-testid="audit-diff"] tr[data-path="active"]');
    await activeLine.waitFor();
    expect(await activeLine.getAttribute('data-change')).toBe('changed');
    expect((await activeLine.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['true', 'false']);
    expect(await page.locator('[data-testid="audit-diff"] tr[data-path="name"]').getAttribute('data-change')).toBe('same');
    await auditRows.nth(2).locator('[data-testid="audit-toggle"]').click();
    await page.locator('[data-testid="audit-diff"]').nth(1).locator('tr[data-path="email"][data-change="added"]').waitFor();
    await browser.screenshot('65-audit-user-history');

    // … and by action: the team's creation.
    await page.locator('[data-testid="audit-clear"]').click();
    await page.locator('[data-testid="audit-type"]').selectOption('Team');
    await page.locator('[data-testid="audit-action"]').selectOption('team.create');
    await page.locator('[data-testid="audit-apply"]').click();
    await page.locator('[data-testid="audit-table"][data-filter="entityType=Team&action=team.create"]').waitFor();
    expect(await auditRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entity-id')))).toEqual([teamRows[0]!.id]);
    await auditRows.first().locator('[data-testid="audit-toggle"]').click();
    const nameLine = page.locator('[data-testid="audit-diff"] tr[data-path="name"]');
    await nameLine.waitFor();
    expect((await nameLine.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['—', 'Retención']);

    // Evaluations filtered by two statuses, every page loaded, then the same selection as CSV.
    await page.locator('a[href="/evaluations"]').click();
    await page.locator('[data-testid="evaluations-table"]').waitFor();
    await page.locator('[data-testid="filter-status-DISPUTED"]').check();
    await page.locator('[data-testid="filter-status-RESOLVED"]').check();
    const table = page.locator('[data-testid="evaluations-table"][data-filter="status=DISPUTED%2CRESOLVED"]');
    await table.waitFor();
    while (await page.locator('[data-testid="evaluations-more"]').isVisible()) {
      const shown = await page.locator('[data-testid="evaluation-row"]').count();
      await page.locator('[data-testid="evaluations-more"]').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="evaluation-row"]').length > n, shown);
    }
    const expected = await query<{ id: string }>(
      `SELECT id FROM evaluation WHERE status IN ('DISPUTED', 'RESOLVED') ORDER BY call_started_at DESC, id DESC`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const shownIds = await page
      .locator('[data-testid="evaluation-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(shownIds).toEqual(expected.map((e) => e.id));
    const shownStatuses = new Set(
      await page.locator('[data-testid="evaluation-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))),
    );
    expect([...shownStatuses].every((s) => s === 'DISPUTED' || s === 'RESOLVED')).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot('66-evaluations-filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^evaluaciones-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(csv[0]!.slice(0, 7)).toEqual(['id', 'llamada', 'agente', 'evaluador', 'fecha_llamada', 'estado', 'puntuacion']);
    expect(csv.slice(1).map((line) => line[0])).toEqual(shownIds);
    await page.locator('[data-testid="export-message"][data-ok="true"]').waitFor();

    // When the export fails, the screen says so (a server that cannot answer, simulated at the network).
    await page.route('**/api/exports/evaluations.csv*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ message: 'Service Unavailable' }) }),
    );
    await page.locator('[data-testid="export-csv"]').click();
    const failure = page.locator('[data-testid="export-message"][data-ok="false"]');
    await failure.waitFor();
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await failure.textContent()).toContain('No se pudo exportar: Service Unavailable');
    await page.unroute('**/api/exports/evaluations.csv*');

    // Critical failures only, on a tablet-wide screen: each row marked, as many as the database holds.
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.locator('[data-testid="filter-clear"]').click();
    await page.locator('[data-testid="filter-critical"]').check();
    await page.locator('[data-testid="evaluations-table"][data-filter="critical=1"]').waitFor();
    const critical = await query<{ id: string }>(
      `SELECT id FROM evaluation WHERE critical_failure ORDER BY call_started_at DESC, id DESC LIMIT 25`,
    );
    expect(critical.length).toBeGreaterThan(0);
    const criticalRows = page.locator('[data-testid="evaluation-row"]');
    expect(await criticalRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(
      critical.map((c) => c.id),
    );
    expect(await page.locator('[data-testid="evaluation-row"] [data-testid="critical"]').count()).toBe(critical.length);
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot('67-evaluations-768');

    await page.locator('a[href="/admin"]').click();
    await page.locator(`[data-testid="user-row"][data-email="${NEW_EMAIL}"]`).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot('68-users-768');
    await page.locator('[data-testid="admin-tab-audit"]').click();
    await page.locator('[data-testid="audit-table"][data-filter=""]').waitFor();
    await page.locator('[data-testid="audit-row"]').first().locator('[data-testid="audit-toggle"]').click();
    await page.locator('[data-testid="audit-diff"]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot('69-audit-768');
  }, 120_000);
});
