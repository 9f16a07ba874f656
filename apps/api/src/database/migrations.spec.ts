import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// A released migration must insert the same rows on every database it ever runs on, so it may
// not import live code: a later edit of that code (DEFAULT_RUBRIC, an enum, a helper) would
// silently change what an old migration writes. Each migration carries its own SQL and data.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const MIGRATIONS_DIR = join(ROOT, 'migrations');

/** Every module a source file imports, re-exports, `import()`s or `require()`s. */
function moduleSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** Why the migration at `file` may not import `specifier`; `null` when it may. */
function forbiddenImport(file: string, specifier: string): string | null {
  if (specifier.startsWith('@decalogo/')) return 'a workspace library is live code';
  if (/^(apps|libs)\//.test(specifier)) return 'apps/ and libs/ are live code';
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const target = resolve(dirname(file), specifier);
    if (/^(apps|libs)\//.test(relative(ROOT, target))) return 'apps/ and libs/ are live code';
    const inside = relative(MIGRATIONS_DIR, target);
    if (inside.startsWith('..') || isAbsolute(inside)) return 'only files of migrations/ may be imported by path';
  }
  return null;
}

function violations(file: string, source: string): string[] {
  return moduleSpecifiers(source).flatMap((specifier) => {
    const reason = forbiddenImport(file, specifier);
    return reason ? [`${relative(ROOT, file)} imports '${specifier}': ${reason}`] : [];
  });
}

describe('migrations are frozen', () => {
  it('import nothing of apps/, libs/ or @decalogo/*', () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((name) => /\.(ts|js|mjs|cjs)$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((name) => {
      const file = join(MIGRATIONS_DIR, name);
      return violations(file, readFileSync(file, 'utf8'));
    });
    expect(found).toEqual([]);
  });

  it('the check tells a package from live code, however it is imported', () => {
    const file = join(MIGRATIONS_DIR, '1999999999999-Example.ts');
    const check = (source: string) => violations(file, source).length;

    expect(check(`import type { MigrationInterface, QueryRunner } from 'typeorm';`)).toBe(0);
    expect(check(`import { randomUUID } from 'node:crypto';`)).toBe(0);
    expect(check(`import { ROWS } from './1795394764875-Foundation.js';`)).toBe(0);

    expect(check(`import { DEFAULT_RUBRIC } from '../libs/example/src/index.js';`)).toBe(1);
    expect(check(`import { Role } from '../apps/api/src/common/roles.js';`)).toBe(1);
    expect(check(`import { DEFAULT_RUBRIC } from '@decalogo/scoring';`)).toBe(1);
    expect(check(`import type { CriterionDefinition } from '@decalogo/scoring';`)).toBe(1);
    expect(check(`export { DEFAULT_RUBRIC } from '@decalogo/scoring';`)).toBe(1);
    expect(check(`const lib = await import('../libs/example/src/index.js');`)).toBe(1);
    expect(check(`const lib = require('libs/example/src/index.js');`)).toBe(1);
    expect(check(`import data from '../test/support/journey-data.js';`)).toBe(1);
  });
});
