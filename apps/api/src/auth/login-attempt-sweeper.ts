import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import cronParser from 'cron-parser';
import PgBoss from 'pg-boss';
import { Clock } from '../common/clock.js';
import { TransactionalConnection } from '../common/transactional-connection.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';

/** The pg-boss queue (and schedule) of the sweep. */
export const SWEEP_QUEUE = 'login-attempt-sweep';
/** pg-boss keeps its tables in a schema of its own, left out of backups (database/backup.ts). */
export const PG_BOSS_SCHEMA = 'pgboss';

/** The `application_name` of the job queue's connections. */
export const JOBS_APPLICATION_NAME = 'decalogo-jobs';

/**
 * Removes expired sign-in attempt counters (LoginThrottle), so the table holds only live windows.
 *
 * On a PostgreSQL server the sweep is a pg-boss cron job (`LOGIN_ATTEMPT_SWEEP_CRON`): every API
 * process starts pg-boss, and pg-boss creates each scheduled job once across them, so one process
 * sweeps each time. On the embedded database (PGlite) the sweep runs in this process on the same
 * schedule instead: PGlite runs every socket connection's statements in one session, so pg-boss's
 * own connections would share — and roll back — the app's transactions (docs/architecture.md,
 * "Transactions"); and only one process can open an embedded database (its data folder is
 * locked), so a local timer already runs the sweep once.
 */
@Injectable()
export class LoginAttemptSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LoginAttemptSweeper');
  private boss: PgBoss | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: TransactionalConnection,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The job: deletes the counters whose window has ended; returns how many. */
  async sweep(): Promise<number> {
    const [, deleted] = (await this.db.manager.query(`DELETE FROM login_attempt WHERE expires_at <= $1`, [this.clock.now()])) as [
      unknown,
      number,
    ];
    return deleted;
  }

  async onApplicationBootstrap(): Promise<void> {
    // No database behind the app (printing the schema): nothing to sweep.
    if (!this.db.dataSource.isInitialized) return;
    const [row] = (await this.db.manager.query(`SELECT version() AS version`)) as Array<{ version: string }>;
    if (!this.config.databaseUrl || row?.version.includes('PGlite')) {
      this.scheduleInProcess();
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
    await boss.createQueue(SWEEP_QUEUE);
    await boss.schedule(SWEEP_QUEUE, this.config.loginAttemptSweepCron, {}, { tz: 'UTC' });
    await boss.work(SWEEP_QUEUE, async () => {
      await this.sweep();
    });
  }

  private scheduleInProcess(): void {
    if (this.stopped) return;
    const next = cronParser.parseExpression(this.config.loginAttemptSweepCron, { tz: 'UTC' }).next().getTime();
    this.timer = setTimeout(
      () => {
        this.sweep()
          .catch((error: unknown) => this.logger.error(`Sweep failed: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => this.scheduleInProcess());
      },
      Math.max(1000, next - Date.now()),
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = null;
  }
}
