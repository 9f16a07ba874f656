// Copies the screenshots the browser journeys took (npm test) into docs/screenshots/, which the
// README shows, so the pictures of the product come from the tests and never go stale.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const SHOTS = {
  '01-sign-in.png': 'sign-in.png',
  '02-rubric-es.png': 'evaluation-form-es.png',
  '03-rubric-en.png': 'evaluation-form-en.png',
  '11-scoring-complete.png': 'scoring-workspace.png',
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
