import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserAvailable, signIn, useJourney } from '../support/browser.js';

const describeJourney = browserAvailable() ? describe : describe.skip;

/**
 * Enough calls that the server is still working when it answers the upload (it waits up to 2 s),
 * so the page has to follow the import by polling.
 */
const CALLS = 60_000;
const HEADER =
  'external_id,agent_email,started_at,duration_seconds,direction,purpose,hold_seconds,transfers,customer_ref,transcript';
const PURPOSES = ['SUPPORT', 'SALES', 'RETENTION', 'POST_SALE', 'COMPLAINT'];

/** The file's lines; every 50th call has a two-turn transcript, a quoted field spanning two lines. */
function callsCsv(badLine?: number): string {
  const lines = [HEADER];
  for (let i = 1; i <= CALLS; i++) {
    const line = lines.length + 1;
    const email = line === badLine ? 'nobody@demo.test' : `agent${(i % 10) + 1}@demo.test`;
    const started = new Date(Date.UTC(2026, 9, 1, 8) + i * 60_000).toISOString().replace('Z', '+00:00');
    const transcript = i % 50 === 0 ? '"AGENT: [00:01] Buenos días.\nCUSTOMER: [00:04] Hola, llamo por una factura."' : '';
    lines.push(
      `IMP-${String(i).padStart(6, '0')},${email},${started},${120 + (i % 400)},${i % 7 ? 'INBOUND' : 'OUTBOUND'},${PURPOSES[i % 5]},${i % 30},${i % 3},CUST-${i},${transcript}`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Runs in the page: records the bar's status, value and max on every change of the page into
 * `window.samples` (a string, as the test's compiler has no DOM types).
 */
const RECORD_BAR = `
  window.samples = [];
  new MutationObserver(() => {
    const bar = document.querySelector('[data-testid="import-progress"]');
    const status = document.querySelector('[data-testid="import-status"]')?.getAttribute('data-status') ?? null;
    if (bar) window.samples.push({ status, value: bar.getAttribute('value'), max: bar.getAttribute('max') });
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
`;

interface Sample {
  status: string | null;
  value: string | null;
  max: string | null;
}

describeJourney('browser journey: an admin imports calls from CSV, fixes a bad line and watches it finish', () => {
  const journey = useJourney();
  const dir = mkdtempSync(join(tmpdir(), 'decalogo-import-journey-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const importedCalls = async () =>
    (
      (await journey.app.server.database.dataSource.query(
        `SELECT count(*)::int AS n FROM call WHERE external_id LIKE 'IMP-%'`,
      )) as Array<{ n: number }>
    )[0]!.n;

  it('shows line 3’s error and imports nothing, then imports the fixed file with a progress bar', async () => {
    const { browser, app } = journey;
    const { page } = browser;
    const callsBefore = await app.count('call');
    const bad = join(dir, 'llamadas-noviembre.csv');
    writeFileSync(bad, callsCsv(3));
    const fixed = join(dir, 'llamadas-noviembre-corregido.csv');
    writeFileSync(fixed, callsCsv());
    const notCsv = join(dir, 'llamadas.txt');
    writeFileSync(notCsv, 'hola');

    await signIn(journey, 'admin@demo.test');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${app.url}/admin/imports`);
    const fileInput = page.locator('[data-testid="csv-file"]');
    await fileInput.waitFor({ state: 'attached' });

    // The example file is made in the browser: UTF-8 with BOM, the header of docs/csv.md#columns,
    // valid lines, every text cell quoted by the same writer as the exports (libs/scoring's csvRecord).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="download-example"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('ejemplo-llamadas.csv');
    const example = readFileSync((await download.path())!, 'utf8');
    expect(example.startsWith('\ufeff"external_id","agent_email","started_at","duration_seconds","direction","purpose"')).toBe(
      true,
    );

    // Not a CSV: refused before anything is sent.
    await fileInput.setInputFiles(notCsv);
    expect(await page.locator('[data-testid="import-refusal"]').textContent()).toContain('no es un archivo CSV');

    // One unknown agent on line 3: the whole file is refused and that line is named.
    await fileInput.setInputFiles(bad);
    await page.locator('[data-testid="chosen-file"]', { hasText: '60.000 llamadas' }).waitFor();
    await page.locator('[data-testid="start-import"]').click();
    await page.locator('[data-testid="import-failed"]').waitFor();
    const failed = page.locator('[data-testid="import-failed"]');
    expect(await failed.locator('h2').textContent()).toContain('El archivo tiene 1 error: no se ha importado nada.');
    const errors = page.locator('[data-testid="import-error"]');
    expect(await errors.count()).toBe(1);
    expect(await errors.first().getAttribute('data-line')).toBe('3');
    expect(await errors.first().getAttribute('data-column')).toBe('agent_email');
    expect(await errors.first().textContent()).toContain('Ningún agente tiene el correo nobody@demo.test.');
    expect(await page.locator('[data-testid="more-errors"]').count()).toBe(0);
    await browser.screenshot('75-import-errors');
    expect(await app.count('call')).toBe(callsBefore);
    expect(await importedCalls()).toBe(0);

    // The fixed file: record what the bar shows on every change, from upload to the end.
    await page.evaluate(RECORD_BAR);
    await fileInput.setInputFiles(fixed);
    await page.locator('[data-testid="start-import"]').click();
    const answer = await page.waitForResponse((r) => r.url().endsWith('/api/imports/calls') && r.request().method() === 'POST');
    if (answer.status() === 202) {
      // Still running: a picture of the bar part-way (it may already be further on; that is fine).
      await page
        .locator('[data-testid="import-status"][data-status="VALIDATING"], [data-testid="import-done"]')
        .first()
        .waitFor();
      await browser.screenshot('78-import-progress');
    }
    await page.locator('[data-testid="import-done"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="import-done"] h2').textContent()).toContain('Se han importado 60.000 llamadas.');
    const bar = page.locator('[data-testid="import-progress"]');
    expect(await bar.getAttribute('value')).toBe(String(CALLS));
    expect(await bar.getAttribute('max')).toBe(String(CALLS));
    expect(await page.locator('[data-testid="import-status"]').textContent()).toContain('Importación terminada');
    expect(await page.locator('[data-testid="to-queue"]').getAttribute('href')).toBe('/queue');
    await browser.screenshot('76-import-done');

    const samples = (await page.evaluate('window.samples')) as Sample[];
    const counted = samples.filter((s) => s.status === 'VALIDATING' || s.status === 'IMPORTING' || s.status === 'DONE');
    // While following the import, the bar never goes back.
    const values = counted.filter((s) => s.value !== null).map((s) => Number(s.value));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(counted.at(-1)).toEqual({ status: 'DONE', value: String(CALLS), max: String(CALLS) });
    // A 202 means the server was still working when it answered: the page then showed the import
    // part-way before it finished. (A 200 — a machine fast enough to finish within the server's
    // wait — leaves nothing in between to see.)
    if (answer.status() === 202) {
      expect(counted.some((s) => s.status !== 'DONE' && (s.value === null || Number(s.value) < Number(s.max)))).toBe(true);
    }

    expect(await importedCalls()).toBe(CALLS);
    expect(await app.count('call')).toBe(callsBefore + CALLS);
    const [first] = (await app.server.database.dataSource.query(
      `SELECT c.started_at, c.duration_seconds, c.purpose, u.email FROM call c JOIN app_user u ON u.id = c.agent_id WHERE c.external_id = 'IMP-000050'`,
    )) as Array<{ started_at: Date; duration_seconds: number; purpose: string; email: string }>;
    expect(first).toMatchObject({ duration_seconds: 170, purpose: 'SUPPORT', email: 'agent1@demo.test' });
    expect(first!.started_at.toISOString()).toBe('2026-10-01T08:50:00.000Z');

    await page.setViewportSize({ width: 768, height: 1000 });
    await browser.screenshot('77-import-768');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 180_000);
});
