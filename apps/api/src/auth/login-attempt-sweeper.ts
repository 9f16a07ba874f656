import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { JobScheduler } from '../common/scheduled-jobs.js';
import { TransactionalConnection } from '../common/transactional-connection.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';

/** The job queue (and schedule) of the sweep. */
export const SWEEP_QUEUE = 'login-attempt-sweep';

/**
 * Removes expired sign-in attempt counters (LoginThrottle), so the table holds only live windows:
 * a scheduled job (`LOGIN_ATTEMPT_SWEEP_CRON`, UTC) run once across API processes by JobScheduler.
 */
@Injectable()
export class LoginAttemptSweeper implements OnModuleInit {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly clock: Clock,
    private readonly scheduler: JobScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: SWEEP_QUEUE,
      cron: this.config.loginAttemptSweepCron,
      timeZone: 'UTC',
      run: async () => {
        await this.sweep();
      },
    });
  }

  /** The job: deletes the counters whose window has ended; returns how many. */
  async sweep(): Promise<number> {
    const [, deleted] = (await this.db.manager.query(`DELETE FROM login_attempt WHERE expires_at <= $1`, [this.clock.now()])) as [
      unknown,
      number,
    ];
    return deleted;
  }
}
