import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import cronParser from 'cron-parser';
import PgBoss from 'pg-boss';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { TransactionalConnection } from './transactional-connection.js';

/** pg-boss keeps its tables in a schema of its own, left out of backups (database/backup.ts). */
export const PG_BOSS_SCHEMA = 'pgboss';

/** The `application_name` of the job queue's connections. */
export const JOBS_APPLICATION_NAME = 'decalogo-jobs';

export interface ScheduledJob {
  /** The pg-boss queue and schedule name. */
  name: string;
  /** A five-field cron expression, read in `timeZone`. */
  cron: string;
  /** An IANA time zone: "Monday 06:00" is the organisation's Monday 06:00. */
  timeZone: string;
  run(): Promise<void>;
}

/**
 * Work that must run on a schedule exactly once however many API processes run (docs/architecture.md,
 * "Scheduled jobs"). Jobs register while the app is built (`onModuleInit`); when it has started:
 *
 * - on a PostgreSQL server, every process starts pg-boss (a job queue kept in the database) and
 *   schedules each job; pg-boss creates each scheduled run once across the processes and hands it to
 *   one worker, so it runs once.
 * - on the embedded database (PGlite) the jobs run in this process on the same schedule: PGlite runs
 *   every socket connection's statements in one session, so pg-boss's own connections would share —
 *   and roll back — the app's transactions; and only one process can open an embedded database (its
 *   data folder is locked), so a local timer already runs each job once.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobScheduler');
  private readonly jobs: ScheduledJob[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private boss: PgBoss | null = null;
  private stopped = false;

  constructor(
    private readonly db: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(job: ScheduledJob): void {
    this.jobs.push(job);
  }

  async onApplicationBootstrap(): Promise<void> {
    // No database behind the app (printing the schema): nothing to run.
    if (!this.db.dataSource.isInitialized || !this.jobs.length) return;
    const [row] = (await this.db.manager.query(`SELECT version() AS version`)) as Array<{ version: string }>;
    if (!this.config.databaseUrl || row?.version.includes('PGlite')) {
      for (const job of this.jobs) this.scheduleInProcess(job);
      return;
    }
    // Its own small pool, named so that its polling shows apart from requests' statements
    // (pg_stat_activity, and the tests that count a request's statements).
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: PG_BOSS_SCHEMA,
      max: 2,
      application_name: JOBS_APPLICATION_NAME,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    this.boss = boss;
    for (const job of this.jobs) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron, {}, { tz: job.timeZone });
      await boss.work(job.name, async () => {
        await job.run();
      });
    }
  }

  private scheduleInProcess(job: ScheduledJob): void {
    if (this.stopped) return;
    const next = cronParser.parseExpression(job.cron, { tz: job.timeZone }).next().getTime();
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        job
          .run()
          .catch((error: unknown) =>
            this.logger.error(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}`),
          )
          .finally(() => this.scheduleInProcess(job));
      },
      // setTimeout holds at most ~24.8 days; a weekly job is far inside that.
      Math.max(1000, next - Date.now()),
    );
    timer.unref();
    this.timers.add(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = null;
  }
}
