import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository documents itself: comments, schema descriptions and docs cite pages of docs/
// (docs/<page>.md#<heading>), never a file a clone does not have. This scans every tracked file.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const BINARY = /\.(png|jpe?g|gif|ico|webp|woff2?|ttf|otf|pdf|zip|gz)$/i;

/** The tracked text files, as paths relative to the repository root. */
function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return listed
    .split('\0')
    .filter((path) => path && !BINARY.test(path) && !/(^|\/)(node_modules|dist)\//.test(path))
    .filter((path) => existsSync(join(ROOT, path)));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a markdown page's headings (fenced code left out; repeats get -1, -2…). */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]!);
    let anchor = base;
    for (let n = 1; found.has(anchor); n++) anchor = `${base}-${n}`;
    found.add(anchor);
  }
  return found;
}

// Built from parts so that this file does not name them itself.
const SPEC_FILES = new RegExp(`\\b(?:${['API', 'RUBRIC', 'PRODUCT', 'ENGINEERING'].join('|')})\\.md\\b`);
const MACHINE_PATH = new RegExp(
  `(?<![\\w.:/-])(?:/|[A-Z]:\\\\)(?:${['work', 'home', 'Users', 'root', 'mnt'].join('|')})[/\\\\][\\w.-]`,
);
const RELATIVE_PATH = /(?<![\w./-])(?:\.\.\/)+[\w@.-]*/g;
const DOCS_CITATION = /(?<![\w/-])docs\/([\w-]+\.md)(#[\w\p{L}-]+)?/gu;
const MARKDOWN_LINK = /\]\((?!https?:|mailto:)([^)\s#]*\.md)?(#[^)\s]+)?\)/g;

interface Problem {
  at: string;
  problem: string;
}

/** What is wrong with the references of one file (`path` relative to the root). */
function referenceProblems(path: string, text: string, pageAnchors: (page: string) => Set<string> | null): Problem[] {
  const problems: Problem[] = [];
  const lines = text.split('\n');
  const report = (index: number, problem: string) => problems.push({ at: `${path}:${index + 1}`, problem });
  const checkCitation = (index: number, page: string, anchor: string | undefined, shown: string) => {
    const headings = pageAnchors(page);
    if (!headings) report(index, `${shown}: no such page in the repository`);
    else if (anchor && !headings.has(decodeURIComponent(anchor.slice(1)))) report(index, `${shown}: no such heading`);
  };
  lines.forEach((line, index) => {
    const spec = SPEC_FILES.exec(line);
    if (spec) report(index, `cites ${spec[0]}, a file outside the repository; cite docs/ instead`);
    const machine = MACHINE_PATH.exec(line);
    if (machine) report(index, `names a path of one machine (${machine[0]}…)`);
    for (const match of line.matchAll(RELATIVE_PATH)) {
      const target = relative(ROOT, resolve(ROOT, dirname(path), match[0]));
      if (target.startsWith('..') || isAbsolute(target)) report(index, `${match[0]} leads out of the repository`);
    }
    for (const match of line.matchAll(DOCS_CITATION)) checkCitation(index, `docs/${match[1]}`, match[2], match[0]);
    if (path.endsWith('.md')) {
      for (const match of line.matchAll(MARKDOWN_LINK)) {
        const page = match[1] ? relative(ROOT, resolve(ROOT, dirname(path), match[1])) : path;
        if (match[1] || match[2]) checkCitation(index, page, match[2], match[0]);
      }
    }
  });
  return problems;
}

describe('references in the repository', () => {
  const pages = new Map<string, Set<string> | null>();
  const pageAnchors = (page: string) => {
    if (!pages.has(page)) {
      const file = join(ROOT, page);
      pages.set(page, existsSync(file) ? anchors(readFileSync(file, 'utf8')) : null);
    }
    return pages.get(page)!;
  };

  it('point into the repository: cited docs/ pages and headings exist, no outside spec file or machine path', () => {
    const files = trackedTextFiles();
    expect(files).toContain('docs/rubric.md');
    const problems = files.flatMap((path) => {
      const text = readFileSync(join(ROOT, path), 'utf8');
      return text.includes('\0') ? [] : referenceProblems(path, text, pageAnchors);
    });
    expect(problems).toEqual([]);
  });

  it('the scan catches each kind of bad reference, and passes good ones', () => {
    const check = (path: string, text: string) => referenceProblems(path, text, pageAnchors).map((p) => p.problem);
    const spec = ['RUBRIC', 'md'].join('.');

    expect(check('libs/example/src/score.ts', `/** The score (${spec} §3). */`)).toEqual([
      expect.stringContaining('a file outside the repository'),
    ]);
    expect(check('libs/example/src/index.ts', `/** From ${['', 'work', 'shared', 'x'].join('/')}. */`)).toEqual([
      expect.stringContaining('a path of one machine'),
    ]);
    expect(check('README.md', 'The contract is in ../shared/.')).toEqual([expect.stringContaining('out of the repository')]);
    expect(
      check('apps/web/src/app/features/team/team-page.component.ts', `import { x } from '../../shared/format/format';`),
    ).toEqual([]);
    const docs = (cited: string) => ['docs', cited].join('/');
    expect(check('libs/example/src/stats.ts', `// ${docs('rubric.md#margin-of-error')} and ${docs('csv.md')}`)).toEqual([]);
    expect(check('libs/example/src/stats.ts', `// ${docs('rubric.md#margin-of-errors')}`)).toEqual([
      expect.stringContaining('no such heading'),
    ]);
    expect(check('libs/example/src/stats.ts', `// ${docs('product.md#roles')}`)).toEqual([
      expect.stringContaining('no such page'),
    ]);
    expect(check('docs/api.md', 'See [rubric.md](rubric.md#disputes) and [Errors](#errors).')).toEqual([]);
    expect(check('docs/api.md', 'See [Nothing](#nothing).')).toEqual([expect.stringContaining('no such heading')]);
  });
});
