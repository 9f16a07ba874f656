import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The benchmarks (npm run bench, npm run bench:load, npm run bench:login) at their smoke size (BENCH_SMOKE=1): each
// starts the built API as its own process on a fresh database of the PostgreSQL server
// (DATABASE_URL, else postgres@127.0.0.1:5432), as a full run does, and must finish. No timing is
// asserted: only that they run to the end and write their tables to the file they are given.

const TEST_TIMEOUT_MS = 5 * 60_000;
/** A benchmark still running then is stopped, so the failure shows its output before jest gives up. */
const RUN_TIMEOUT_MS = TEST_TIMEOUT_MS - 30_000;
const OUTPUT_TAIL = 6_000;
const COMMITTED_RESULTS = join(process.cwd(), 'bench/RESULTS.md');

interface BenchRun {
  script: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr, interleaved as they came (the API's stderr included). */
  output: string;
}

/** Runs `node <script>` at the smoke size, writing its results to `resultsFile`. */
function runBench(script: string, resultsFile: string): Promise<BenchRun> {
  const env: NodeJS.ProcessEnv = { BENCH_SMOKE: '1', BENCH_RESULTS_FILE: resultsFile };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'DATABASE_URL']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  return new Promise((resolve, reject) => {
    // A process group of its own, so that a run cut off by the timeout takes its API process with it.
    const child = spawn(process.execPath, [script], {
      cwd: process.cwd(),
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4 * OUTPUT_TAIL);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n[stopped after ${RUN_TIMEOUT_MS / 1000} s]\n`;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ script, code, signal, output });
    });
  });
}

function failure(run: BenchRun, problem: string): Error {
  return new Error(`node ${run.script}: ${problem}. Its output ended with:\n${run.output.slice(-OUTPUT_TAIL)}`);
}

/** Exit code 0, and every expected line start found in the results file. */
function expectCompleted(run: BenchRun, resultsFile: string, expected: string[]): string {
  if (run.code !== 0) {
    throw failure(
      run,
      `exited with ${run.code ?? run.signal} (it needs the built API, npm run build:api, and PostgreSQL at DATABASE_URL, else postgres@127.0.0.1:5432)`,
    );
  }
  if (!existsSync(resultsFile)) throw failure(run, `wrote no ${resultsFile}`);
  const text = readFileSync(resultsFile, 'utf8');
  const lines = text.split('\n');
  const missing = expected.filter((start) => !lines.some((line) => line.startsWith(start)));
  if (missing.length) throw failure(run, `${resultsFile} lacks the lines starting ${JSON.stringify(missing)}`);
  return text;
}

const digest = (path: string) => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent');

describe('the benchmarks at smoke size', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'decalogo-bench-smoke-test-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'npm run bench completes, writes every measure and keeps the load section',
    async () => {
      const resultsFile = join(dir, 'bench.md');
      const loadSection = '<!-- load:start -->\n## Load: kept as it was\n<!-- load:end -->';
      writeFileSync(resultsFile, `# Old results\n\n${loadSection}\n`);
      const committed = digest(COMMITTED_RESULTS);

      const run = await runBench('bench/run.mjs', resultsFile);

      const text = expectCompleted(run, resultsFile, [
        '# Benchmark results',
        '| measure | API | raw `pg` baseline | ratio API / raw | target | |',
        '| CSV import, ',
        '| submitEvaluation throughput (',
        '| submitEvaluation p50 (ms) |',
        '| submitEvaluation p95 (ms) |',
        '## At call-center scale',
        '| measure | API p50 | API p95 | raw p50 | raw p95 | ratio p95 | target | |',
        '| agentProgress, one year |',
        '| teamOverview, one quarter |',
        '| feedback list, 50 evaluations with answers |',
      ]);
      expect(text).not.toContain('# Old results');
      expect(text).toContain(loadSection);
      expect(digest(COMMITTED_RESULTS)).toBe(committed);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'npm run bench:load completes, passes its write checks and writes its section only',
    async () => {
      const resultsFile = join(dir, 'load.md');
      writeFileSync(resultsFile, '# Other results\n');
      const committed = digest(COMMITTED_RESULTS);

      const run = await runBench('bench/load.mjs', resultsFile);

      const text = expectCompleted(run, resultsFile, [
        '# Other results',
        '<!-- load:start -->',
        '## Load: ',
        '| request | count | throughput/s | p50 (ms) | p95 (ms) | p99 (ms) | 5xx | 4xx | no answer | GraphQL errors |',
        ...['login', 'agentProgress', 'evaluations', 'teamOverview', 'startEvaluation', 'saveEvaluation', 'submitEvaluation'].map(
          (kind) => `| ${kind} |`,
        ),
        '| **all requests** |',
        '| write check | expected | found | |',
        '<!-- load:end -->',
      ]);
      expect(text).toContain('**Passed**');
      expect(text).not.toContain('**FAILED**');
      expect(digest(COMMITTED_RESULTS)).toBe(committed);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'npm run bench:login completes and writes both medians and their ratio in its section only',
    async () => {
      const resultsFile = join(dir, 'login.md');
      writeFileSync(resultsFile, '# Other results\n');
      const committed = digest(COMMITTED_RESULTS);

      const run = await runBench('bench/login.mjs', resultsFile);

      expectCompleted(run, resultsFile, [
        '# Other results',
        '<!-- login:start -->',
        '## Sign-in time by account existence',
        '| sign-in | median (ms) | ratio to missing e-mail |',
        '| existing e-mail, right password |',
        '| existing e-mail, wrong password |',
        '| missing e-mail |',
        'Missing e-mail / existing e-mail with a wrong password: **',
        '<!-- login:end -->',
      ]);
      expect(digest(COMMITTED_RESULTS)).toBe(committed);
    },
    TEST_TIMEOUT_MS,
  );
});
