import { browserAvailable, signIn, useJourney } from '../support/browser.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

describeJourney('browser journey: the sign-in page keeps and sends the device cookie', () => {
  const journey = useJourney();

  it('signing in sets an httpOnly, SameSite=Strict device cookie, and the next sign-in from this browser sends it', async () => {
    const { page, context } = journey.browser;
    await signIn(journey, 'agent1@demo.test');
    const cookies = (await context.cookies()).filter((cookie) => cookie.name.startsWith('decalogo_device_'));
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
    // No script of the page can read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('decalogo_device_');

    await page.locator('[data-testid="sign-out"]').click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await page.locator('#email').fill('agent1@demo.test');
    await page.locator('#password').fill('decalogo-demo');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('mutation Login')),
      page.keyboard.press('Enter'),
    ]);
    expect(await request.headerValue('cookie')).toContain(`${cookies[0]!.name}=${cookies[0]!.value}`);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
});
