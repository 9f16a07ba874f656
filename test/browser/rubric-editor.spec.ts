import { browserAvailable, signIn, useJourney } from '../support/browser.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

describeJourney('browser journey: an admin drafts, reweights and publishes rubric version 2', () => {
  const journey = useJourney();

  const versions = async () =>
    (await journey.app.server.database.dataSource.query(
      `SELECT number, status, published_at IS NOT NULL AS published FROM rubric_version ORDER BY number`,
    )) as Array<{ number: number; status: string; published: boolean }>;

  const criteriaOf = async (number: number) =>
    (await journey.app.server.database.dataSource.query(
      `SELECT c.code, c.weight, c.position FROM criterion c JOIN rubric_version v ON v.id = c.rubric_version_id
        WHERE v.number = $1 ORDER BY c.position`,
      [number],
    )) as Array<{ code: string; weight: number; position: number }>;

  it('refuses to publish weights that do not add up to 100, then publishes the fixed draft', async () => {
    expect(await versions()).toEqual([{ number: 1, status: 'PUBLISHED', published: true }]);
    const { browser, app } = journey;
    const { page } = browser;
    await signIn(journey, 'admin@demo.test');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${app.url}/admin/rubric`);

    const row = (number: number) => page.locator(`[data-testid="rubric-version-row"][data-number="${number}"]`);
    await row(1).waitFor();
    expect(await row(1).getAttribute('data-status')).toBe('PUBLISHED');
    await page.locator('[data-testid="version-criteria"] li').first().waitFor();
    expect(await page.locator('[data-testid="version-criteria"] li').count()).toBe(10);
    await browser.screenshot('70-rubric-versions');

    // New draft: a copy of the active version's ten rules.
    await page.locator('[data-testid="new-draft"]').click();
    const rule = (code: string) => page.locator(`[data-testid="draft-rule"][data-code="${code}"]`);
    await rule('R10').waitFor();
    expect(await row(2).getAttribute('data-status')).toBe('DRAFT');
    expect(await page.locator('[data-testid="draft-rule"]').count()).toBe(10);
    const sum = page.locator('[data-testid="weight-sum"]');
    expect(await sum.getAttribute('data-sum')).toBe('100');

    // R1 from 10 to 15: the sum is 105, said beside it, and Publish is off.
    await rule('R1').locator('[data-testid="rule-weight"]').fill('15');
    await page.locator('[data-testid="weight-sum"][data-sum="105"]').waitFor();
    const message = page.locator('[data-testid="weight-sum-message"]');
    expect(await message.textContent()).toContain('Los pesos deben sumar 100 para publicar: ahora suman 105.');
    expect(await page.locator('[data-testid="publish"]').isDisabled()).toBe(true);

    // Leaving with unsaved edits asks first; staying keeps the page and the edits.
    const dialogShown = page.waitForEvent('dialog');
    const leaving = page.locator('[data-testid="admin-tab-users"]').click();
    const dialog = await dialogShown;
    expect(dialog.message()).toBe('Hay cambios sin guardar. Si sales ahora, se perderán. ¿Salir de todos modos?');
    await dialog.dismiss();
    await leaving;
    expect(new URL(page.url()).pathname).toBe('/admin/rubric');
    expect(await rule('R1').locator('[data-testid="rule-weight"]').inputValue()).toBe('15');

    // A code used twice is named beside the field, as the server would refuse it.
    await rule('R2').locator('[data-testid="rule-code"]').fill('R1');
    await page.locator('[data-testid="field-error"][data-field="code"]').waitFor();
    expect(await page.locator('[data-testid="field-error"][data-field="code"]').textContent()).toContain(
      'Otra regla ya usa este código.',
    );
    await page.locator('[data-testid="draft-rule"]').nth(1).scrollIntoViewIfNeeded();
    await browser.screenshot('71-rubric-draft-sum-off');
    await page.locator('[data-testid="draft-rule"]').nth(1).locator('[data-testid="rule-code"]').fill('R2');
    await page.locator('[data-testid="field-error"]').waitFor({ state: 'detached' });

    // Move 5 points from R3 to R1 (sum back to 100) and R10 one place up; save.
    await rule('R3').locator('[data-testid="rule-weight"]').fill('10');
    await page.locator('[data-testid="weight-sum"][data-sum="100"]').waitFor();
    expect(await message.textContent()).toContain('Los pesos suman 100.');
    await rule('R10').getByRole('button', { name: 'Subir la regla R10' }).click();
    // The list is redrawn after the click: wait for it rather than read the old order.
    await page.locator('[data-testid="draft-rule"]:nth-child(9)[data-code="R10"]').waitFor();
    expect(await page.locator('[data-testid="draft-rule"]').nth(8).getAttribute('data-code')).toBe('R10');
    // Saved changes come first: Publish stays off while there are unsaved ones.
    expect(await page.locator('[data-testid="publish"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="save-draft"]').click();
    await page.locator('[data-testid="draft-status"]', { hasText: 'Borrador guardado.' }).waitFor();
    await page.locator('[data-testid="publish"]:enabled').waitFor();
    const draft = await criteriaOf(2);
    expect(draft.map((c) => [c.code, c.weight])).toEqual([
      ['R1', 15],
      ['R2', 5],
      ['R3', 10],
      ['R4', 10],
      ['R5', 15],
      ['R6', 10],
      ['R7', 5],
      ['R8', 15],
      ['R10', 5],
      ['R9', 10],
    ]);
    expect(draft.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    await page.setViewportSize({ width: 768, height: 1000 });
    await browser.screenshot('72-rubric-draft-768');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Publish, after the confirmation.
    await page.locator('[data-testid="publish"]').click();
    await page.locator('[data-testid="publish-dialog"][open]').waitFor();
    await browser.screenshot('73-rubric-publish-confirm');
    await page.locator('[data-testid="confirm-publish"]').click();
    await page.locator('[data-testid="rubric-notice"]', { hasText: 'Versión 2 publicada' }).waitFor();
    expect(await row(2).getAttribute('data-status')).toBe('PUBLISHED');
    expect(await row(1).getAttribute('data-status')).toBe('ARCHIVED');
    // Published versions are read-only: no inputs, no draft editor.
    expect(await page.locator('[data-testid="draft-rules"]').count()).toBe(0);
    expect(await page.locator('[data-testid="new-draft"]').textContent()).toContain('Nuevo borrador');
    await browser.screenshot('74-rubric-published');

    expect(await versions()).toEqual([
      { number: 1, status: 'ARCHIVED', published: true },
      { number: 2, status: 'PUBLISHED', published: true },
    ]);
    const token = await app.login('admin@demo.test');
    const active = await app.gql<{ activeRubric: { number: number; criteria: Array<{ code: string; weight: number }> } }>(
      '{ activeRubric { number criteria { code weight } } }',
      {},
      token,
    );
    expect(active.data?.activeRubric.number).toBe(2);
    expect(active.data?.activeRubric.criteria.find((c) => c.code === 'R1')?.weight).toBe(15);
  }, 90_000);
});
