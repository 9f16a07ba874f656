import { browserAvailable, useJourney } from '../support/browser.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

describeJourney('browser journey: the evaluation form in both languages', () => {
  const journey = useJourney();

  it('the admin signs in, sees the ten rules in Spanish, switches to English and sees them in English', async () => {
    const { app, browser } = journey;
    const { page } = browser;
    await page.goto(`${app.url}/`);
    await page.locator('#email').fill('admin@demo.test');
    await page.locator('#password').fill('decalogo-demo');
    await browser.screenshot('01-sign-in');
    await page.locator('button[type="submit"]').click();

    const cards = page.locator('[data-testid="criterion-card"]');
    const titles = page.locator('[data-testid="criterion-title"]');
    await cards.nth(9).waitFor();
    expect(await cards.count()).toBe(10);
    await expect(titles.first().textContent()).resolves.toContain('El cliente es el consumidor por excelencia');
    await expect(titles.nth(7).textContent()).resolves.toContain('Nunca faltar el respeto ni levantar la voz; escalar');
    await browser.screenshot('02-rubric-es');

    await page.locator('[data-testid="lang-en"]').click();
    await page.getByText('The customer is our consumer par excellence').waitFor();
    await expect(titles.nth(7).textContent()).resolves.toContain('Never disrespect or raise your voice; escalate');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The whole interface, not only the rules: navigation, user menu, legend.
    expect(await page.locator('nav').textContent()).toContain('Evaluation form');
    expect(await page.locator('[data-testid="sign-out"]').textContent()).toContain('Sign out');
    expect(await page.locator('body').textContent()).toContain('Answer scale');
    expect(await page.locator('body').textContent()).not.toContain('Escala de respuesta');
    await browser.screenshot('03-rubric-en');

    // The choice is remembered.
    await page.reload();
    await page.getByText('The customer is our consumer par excellence').waitFor();
    expect(await cards.count()).toBe(10);
    expect(await page.locator('nav').textContent()).toContain('Evaluation form');
  }, 60_000);
});
