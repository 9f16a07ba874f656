import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { en as coreEn } from '../../apps/web/src/app/core/i18n/en.js';
import { es as coreEs } from '../../apps/web/src/app/core/i18n/es.js';
import type { FeatureTexts } from '../../apps/web/src/app/core/i18n/texts.js';
import { browserAvailable, signIn, useJourney } from '../support/browser.js';
import type { Journey } from '../support/browser.js';
import {
  buildPlan,
  buildWeeks,
  daysAfter,
  isoDay,
  JOURNEY_NOW,
  POSTVENTA_PLANS,
  POSTVENTA_AGENTS,
  SESSION_NOTES,
  startOfWeek,
} from '../support/journey-data.js';
import type { TestApp } from '../support/test-app.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

function* textFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (name.endsWith('.texts.ts')) yield path;
  }
}

/**
 * Every Spanish text of the interface that would give a Spanish word away on an English screen:
 * the longest piece between placeholders, when it differs from the English text (names such as
 * "Coaching" or "Role play" are the same in both).
 */
async function spanishOnlyTexts(): Promise<string[]> {
  const dictionaries: FeatureTexts[] = [{ es: coreEs, en: coreEn }];
  for (const file of textFiles('apps/web/src/app')) {
    const module = (await import(pathToFileURL(join(process.cwd(), file)).href)) as Record<string, unknown>;
    for (const value of Object.values(module))
      if (value && typeof value === 'object' && 'es' in value && 'en' in value) dictionaries.push(value as FeatureTexts);
  }
  const pieces = new Set<string>();
  for (const { es, en } of dictionaries) {
    for (const [key, spanish] of Object.entries(es)) {
      if (spanish === en[key]) continue;
      const longest =
        spanish
          .split(/\{\w+\}/)
          .map((part) => part.trim())
          .sort((a, b) => b.length - a.length)[0] ?? '';
      if (longest.length >= 12 && !Object.values(en).includes(longest)) pieces.add(longest);
    }
  }
  return [...pieces];
}

/**
 * The API's enum values (SUPPORT, INBOUND, ACTIVE…): on screen each must go through a translation,
 * in English as much as in Spanish, never appear as the raw value.
 */
function apiEnumValues(): string[] {
  const schema = readFileSync('apps/api/schema.gql', 'utf8');
  return [...schema.matchAll(/^enum \w+ \{([^}]*)\}/gm)].flatMap(([, body]) =>
    body!.split(/\s+/).filter((word) => /^[A-Z][A-Z_]{3,}$/.test(word)),
  );
}

/**
 * Raw enum values in the page's text: the text nodes as written (CSS upper-casing of headings does
 * not count), each apart from the next so that words of neighbouring elements do not run together.
 */
async function rawEnumValues(page: Page, values: string[]): Promise<string[]> {
  const text = await page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode.nodeValue ?? '');
    const attributes = [...document.querySelectorAll('[aria-label], [title]')].flatMap((el) =>
      ['aria-label', 'title'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [...texts, ...attributes].join('\n');
  });
  return values.filter((value) => new RegExp(`\\b${value}\\b`).test(text));
}

/** The import screen explains the CSV format, whose columns take the codes themselves (INBOUND). */
const QUOTES_CSV_CODES = new Set(['/admin/imports']);

/** What a person sees or a screen reader says: the text, and the labels and titles of elements. */
async function everythingSaid(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder'].map((name) => el.getAttribute(name) ?? ''),
    );
    return `${document.body.innerText}\n${attributes.join('\n')}`;
  });
}

/**
 * Postventa as of the journey's "now" (Friday 20 March 2026; the screens are opened by address and
 * show their default period, the twelve weeks to that day): eight weeks of calls — most evaluated,
 * some waiting in the queue, one disputed, one resolved — and agent2's running plan with sessions,
 * so every screen has figures, charts, lists and statuses to translate.
 */
async function buildPostventa(app: TestApp): Promise<void> {
  const monday = startOfWeek(JOURNEY_NOW);
  await buildWeeks(app, {
    agents: POSTVENTA_AGENTS,
    until: daysAfter(monday, 7),
    weeks: 8,
    prefix: 'PV',
    seed: 51,
    notAfter: JOURNEY_NOW,
    outcome: ({ index, startedAt, lowCodes }) => {
      if (index % 6 === 0) return null;
      if (lowCodes.length && index % 17 === 5) return 'DISPUTED';
      if (lowCodes.length && index % 17 === 11) return { status: 'RESOLVED', decision: 'AMEND' };
      return JOURNEY_NOW.getTime() - startedAt.getTime() < 7 * 24 * 3600_000 ? 'SUBMITTED' : 'ACKNOWLEDGED';
    },
  });
  const start = daysAfter(monday, -28);
  await buildPlan(app, {
    ...POSTVENTA_PLANS.agent2,
    startDate: isoDay(start),
    dueDate: isoDay(daysAfter(start, 49)),
    sessions: SESSION_NOTES.map((session, i) => ({
      ...session,
      date: isoDay(daysAfter(start, 7 * i + 2)),
      acknowledged: i < 2,
    })),
  });
}

/** Switches the interface to English from the header, and waits until the page says so. */
async function toEnglish({ browser }: Journey): Promise<void> {
  await browser.page.locator('[data-testid="lang-en"]').click();
  await browser.page.locator('html[lang="en"]').waitFor({ state: 'attached' });
}

describeJourney('browser journey: the language switch changes the whole interface and survives a reload', () => {
  const journey = useJourney(buildPostventa, { now: JOURNEY_NOW });
  let spanish: string[] = [];
  const enums = apiEnumValues();
  beforeAll(async () => {
    spanish = await spanishOnlyTexts();
  });

  /** agent2, their plan and the latest evaluation of theirs. */
  const ids = async () => {
    const db = journey.app.server.database.dataSource;
    const agentId = journey.app.cast.id('agent2@demo.test');
    const [plan] = (await db.query(`SELECT id FROM coaching_plan WHERE agent_id = $1`, [agentId])) as Array<{ id: string }>;
    const [evaluation] = (await db.query(
      `SELECT id FROM evaluation WHERE agent_id = $1 AND status <> 'DRAFT' ORDER BY submitted_at DESC LIMIT 1`,
      [agentId],
    )) as Array<{ id: string }>;
    return { agentId, planId: plan!.id, evaluationId: evaluation!.id };
  };

  async function visitAll(paths: string[], expectLang: 'es' | 'en'): Promise<Record<string, string[]>> {
    const { page } = journey.browser;
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(`${journey.app.url}${path}`);
      const said = await everythingSaid(page);
      expect({ path, lang: await page.locator('html').getAttribute('lang') }).toEqual({ path, lang: expectLang });
      found[path] = spanish.filter((text) => said.includes(text));
      if (!QUOTES_CSV_CODES.has(path))
        expect({ path, rawEnumValues: await rawEnumValues(page, enums) }).toEqual({ path, rawEnumValues: [] });
    }
    return found;
  }

  it('a coach switches to English: every screen of theirs is in English, charts and numbers included', async () => {
    const { page } = journey.browser;
    const { agentId, planId, evaluationId } = await ids();
    const paths = [
      '/team',
      '/coaching',
      `/agents/${agentId}`,
      `/coaching/${planId}`,
      `/coaching/new?agent=${agentId}`,
      `/evaluations/${evaluationId}`,
      '/evaluations',
      '/queue',
      '/rubric',
    ];
    await signIn(journey, 'coach@demo.test');

    // The detector works: in Spanish it finds Spanish on every screen.
    const inSpanish = await visitAll(paths, 'es');
    for (const path of paths) expect({ path, found: inSpanish[path]!.length > 0 }).toEqual({ path, found: true });

    await toEnglish(journey);
    const inEnglish = await visitAll(paths, 'en');
    expect(inEnglish).toEqual(Object.fromEntries(paths.map((path) => [path, []])));

    // The edit form of an open plan of theirs, opened in place, too.
    const [open] = (await journey.app.server.database.dataSource.query(
      `SELECT p.id FROM coaching_plan p JOIN app_user u ON u.id = p.agent_id JOIN team_coach tc ON tc.team_id = u.team_id
         JOIN app_user c ON c.id = tc.user_id WHERE c.email = 'coach@demo.test' AND p.status = 'ACTIVE' LIMIT 1`,
    )) as Array<{ id: string }>;
    await page.goto(`${journey.app.url}/coaching/${open!.id}`);
    await page.locator('[data-testid="edit-plan"]').click();
    await page.locator('[data-testid="plan-edit-form"]').waitFor();
    const editing = await everythingSaid(page);
    expect(spanish.filter((text) => editing.includes(text))).toEqual([]);

    // Numbers and dates in the English format, chart labels in English.
    await page.goto(`${journey.app.url}/agents/${agentId}`);
    await page.locator('canvas').first().waitFor();
    const said = await everythingSaid(page);
    expect(said).toMatch(/\d+\.\d ± \d+\.\d/);
    expect(said).not.toMatch(/\d+,\d ± \d+,\d/);
    await journey.browser.screenshot('80-agent-page-en');

    // Still English after a reload.
    await page.reload();
    expect(Object.values(await visitAll(['/team'], 'en'))).toEqual([[]]);
    await journey.browser.screenshot('81-team-en');
  }, 180_000);

  it('an administrator and an agent find their screens in English too', async () => {
    await signIn(journey, 'admin@demo.test');
    await toEnglish(journey);
    const admin = await visitAll(
      ['/admin/users', '/admin/teams', '/admin/rubric', '/admin/imports', '/admin/audit', '/disputes'],
      'en',
    );
    expect(Object.values(admin).flat()).toEqual([]);
    await journey.browser.screenshot('82-admin-en');

    // The agent, in a browser of their own.
    await journey.freshPage();
    await signIn(journey, 'agent2@demo.test');
    await toEnglish(journey);
    const agent = await visitAll(['/feedback', '/agents/me'], 'en');
    expect(Object.values(agent).flat()).toEqual([]);
  }, 180_000);
});
