import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { EMBEDDED_POOL_SIZE } from '../../apps/api/src/database/embedded-postgres.js';
import { startTestApp } from './test-app.js';
import type { TestApp, TestAppOptions } from './test-app.js';
import { testDatabaseKind } from './test-database.js';

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

/** One browser context (its own cookies and storage) and its page. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  screenshot(name: string): Promise<void>;
  /** Content-Security-Policy violations the page reported (the journeys expect none). */
  cspViolations: string[];
  close(): Promise<void>;
}

export const ARTIFACTS_DIR = join(process.cwd(), 'test-artifacts', 'browser');

/** A Chromium of its own (fresh HOME), handing out fresh contexts. */
export interface ChromiumInstance {
  /**
   * A new context — signed out, no cookies, no storage — and its page, 1280×800, in Spanish and
   * UTC (the organisation's zone in the tests' config, so days and weeks on screen are the API's
   * whatever the machine's zone). With `now`, the page's clock starts there and runs on.
   */
  newSession(options?: { now?: Date }): Promise<BrowserSession>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<ChromiumInstance> {
  const home = mkdtempSync(join(tmpdir(), 'decalogo-chromium-'));
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: findChromium()!,
    headless: true,
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
  return {
    async newSession({ now } = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        // Native widgets (date inputs) follow the browser's locale: the product speaks Spanish first.
        locale: 'es-ES',
        timezoneId: 'UTC',
        // Charts skip their animation, so screenshots show the finished drawing.
        reducedMotion: 'reduce',
        acceptDownloads: true,
      });
      if (now) await context.clock.install({ time: now });
      const page = await context.newPage();
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
        },
      };
    },
    async close() {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** What a journey works with: the app on a fresh database, and this test's browser context. */
export interface Journey {
  app: TestApp;
  /** This test's browser: a fresh context (signed out, no storage) opened before every `it`. */
  browser: BrowserSession;
  /**
   * Closes this test's context and opens a fresh one (signed out, empty storage, the clock where
   * the API's is), e.g. to go on as someone else; returns its page (also `journey.browser.page`).
   */
  freshPage(): Promise<Page>;
}

export interface JourneyOptions {
  /** The database the app runs on whatever TEST_DATABASE says, e.g. 'embedded'. */
  database?: TestAppOptions['database'];
  /**
   * The instant the journey runs at: the API's clock and every page's clock start there and run
   * on, so dispute windows, overdue plans, default periods and "today" in forms are the same on
   * any day the journey runs. Without it both follow the real time.
   */
  now?: Date;
}

/**
 * Starts the app (with the demo's people and teams only) before the file's journeys, then
 * `prepare` builds the data they read, then a browser; every `it` gets a fresh browser context.
 * Closes everything afterwards.
 */
export function useJourney(prepare?: (app: TestApp) => Promise<void>, options: JourneyOptions = {}): Journey {
  const journey = {} as Journey;
  let chromiumInstance: ChromiumInstance | undefined;
  const violations: string[] = [];

  const endSession = async () => {
    const session = journey.browser;
    if (!session) return;
    journey.browser = undefined as unknown as BrowserSession;
    violations.push(...session.cspViolations);
    await session.close();
  };
  const startSession = async () => {
    journey.browser = await chromiumInstance!.newSession({ now: options.now ? journey.app.clock.now() : undefined });
    return journey.browser.page;
  };
  journey.freshPage = async () => {
    await endSession();
    return startSession();
  };

  beforeAll(async () => {
    // On the embedded database the app gets the pool `npm start` gives it there (its socket server
    // takes a bounded number of connections), unless TEST_DB_POOL_SIZE asks for another.
    const embedded = (options.database ?? testDatabaseKind()) === 'embedded' && !process.env['TEST_DB_POOL_SIZE'];
    journey.app = await startTestApp(embedded ? { DATABASE_POOL_SIZE: String(EMBEDDED_POOL_SIZE) } : {}, {
      database: options.database,
    });
    if (options.now) journey.app.clock.travelTo(options.now);
    await prepare?.(journey.app);
    chromiumInstance = await launchChromium();
  }, 300_000);
  beforeEach(async () => {
    await startSession();
  }, 60_000);
  afterEach(endSession);
  afterAll(async () => {
    await endSession();
    await chromiumInstance?.close();
    await journey.app?.close();
    // The security headers must never break the app: any blocked script or style fails the file.
    expect(violations).toEqual([]);
  });
  return journey;
}

/** Signs in through the sign-in page with the demo password, and waits until the app lets them in. */
export async function signIn({ app, browser }: Journey, email: string): Promise<void> {
  const { page } = browser;
  await page.goto(`${app.url}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('decalogo-demo');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A period of call days, both included, as the period picker takes them (`yyyy-mm-dd`). */
export interface Period {
  from: string;
  to: string;
}

/**
 * Chooses `period` on the screen's period picker and returns the variables of the request the
 * screen then sent (the GraphQL operation named `operation`), once its answer has come back — so
 * a test asks the API exactly what the screen asked.
 */
export async function choosePeriod<V = { from: string; to: string }>(page: Page, operation: string, period: Period): Promise<V> {
  await page.locator('[data-testid="range-preset"]').selectOption('custom');
  await page.locator('[data-testid="range-from"]').fill(period.from);
  await page.locator('[data-testid="range-to"]').fill(period.to);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes(`query ${operation}`)),
    page.locator('[data-testid="range-apply"]').click(),
  ]);
  await page.waitForResponse((r) => r.request() === request);
  return (request.postDataJSON() as { variables: V }).variables;
}
