// Copies the screenshots the browser journeys took (npm test) into docs/screenshots/, which the
// README shows, so the pictures of the product come from the tests and never go stale.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const SHOTS = {
  '01-sign-in.png': 'sign-in.png',
  '11-scoring-complete.png': 'scoring-workspace.png',
  '20-feedback.png': 'my-feedback.png',
  '31-agent-page.png': 'agent-page.png',
  '34-plan-page.png': 'coaching-plan.png',
  '40-team-overview.png': 'team-overview.png',
  '41-team-heatmap.png': 'team-heatmap.png',
  '42-team-768.png': 'team-overview-768.png',
  '53-dispute-amend.png': 'dispute-resolution.png',
  '65-audit-user-history.png': 'audit-log.png',
  '75-import-errors.png': 'csv-import-errors.png',
  '78-import-progress.png': 'csv-import-progress.png',
  '80-agent-page-en.png': 'agent-page-en.png',
};

mkdirSync('docs/screenshots', { recursive: true });
let missing = 0;
for (const [from, to] of Object.entries(SHOTS)) {
  const source = `test-artifacts/browser/${from}`;
  if (!existsSync(source)) {
    process.stderr.write(`missing ${source}: run npm test (with Chromium) first\n`);
    missing += 1;
    continue;
  }
  copyFileSync(source, `docs/screenshots/${to}`);
}
process.exit(missing ? 1 : 0);
