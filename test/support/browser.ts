import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestApp } from './test-app.js';
import type { TestApp } from './test-app.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** CHROMIUM_PATH, else the usual install paths; null when none is installed. */
export function findChromium(): string | null {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const browserRequired = () => process.env['REQUIRE_BROWSER'] === '1';

/**
 * Whether this run has a browser. Without one the journeys are skipped with a message saying how
 * to install it — unless REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (findChromium()) return true;
  const message =
    'No Chromium found (CHROMIUM_PATH, /usr/bin/chromium): browser journeys skipped. Install it with "apt-get install -y chromium".';
  if (browserRequired()) throw new Error(`REQUIRE_BROWSER=1 but ${message}`);
  process.stdout.write(`${message}\n`);
  return false;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  screenshot(name: string): Promise<void>;
  /** Content-Security-Policy violations the page reported (the journeys expect none). */
  cspViolations: string[];
  close(): Promise<void>;
}

export const ARTIFACTS_DIR = join(process.cwd(), 'test-artifacts', 'browser');

/** A fresh Chromium profile (and HOME) per session, closed network noise off. */
export async function openBrowser(): Promise<BrowserSession> {
  const home = mkdtempSync(join(tmpdir(), 'decalogo-chromium-'));
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: findChromium()!,
    headless: true,
    viewport: { width: 1280, height: 800 },
    // Native widgets (date inputs) follow the browser's locale: the product speaks Spanish first.
    locale: 'es-ES',
    // Charts skip their animation, so screenshots show the finished drawing.
    reducedMotion: 'reduce',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return {
    context,
    page,
    cspViolations,
    async screenshot(name) {
      await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: false });
    },
    async close() {
      await context.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** What a journey file works with: the app on a fresh database with the demo, and a browser. */
export interface Journey {
  app: TestApp;
  browser: BrowserSession;
}

/**
 * Starts the app and a browser before the file's journeys (after `prepare`, for data the journey
 * needs), and closes both afterwards.
 */
export function useJourney(prepare?: (app: TestApp) => Promise<void>): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    journey.app = await startTestApp();
    await prepare?.(journey.app);
    journey.browser = await openBrowser();
  }, 60_000);
  afterAll(async () => {
    const violations = journey.browser?.cspViolations ?? [];
    await journey.browser?.close();
    await journey.app?.close();
    // The security headers must never break the app: any blocked script or style fails the file.
    expect(violations).toEqual([]);
  });
  return journey;
}

/** Signs in through the sign-in page with the demo password. */
export async function signIn({ app, browser }: Journey, email: string): Promise<void> {
  await browser.page.goto(`${app.url}/login`);
  await browser.page.locator('#email').fill(email);
  await browser.page.locator('#password').fill('decalogo-demo');
  await browser.page.keyboard.press('Enter');
}
