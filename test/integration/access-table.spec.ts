import { readFileSync, writeFileSync } from 'node:fs';
import { accessTableMarkdown } from '@decalogo/access';

const SNAPSHOT = 'docs/access-table.md';

/**
 * The whole access table (action × role × scope, the exceptions, the web's screens) as markdown,
 * compared with the committed docs/access-table.md: a change of who may do what shows up in
 * review as a change of that page. `UPDATE_ACCESS_TABLE=1` rewrites it.
 */
describe('the access table', () => {
  it(`is committed up to date in ${SNAPSHOT} (UPDATE_ACCESS_TABLE=1 rewrites it)`, () => {
    const table = accessTableMarkdown();
    if (process.env['UPDATE_ACCESS_TABLE'] === '1') {
      writeFileSync(SNAPSHOT, table);
      process.stdout.write(table);
    }
    expect(table).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });
});
