import { Inject, Injectable } from '@nestjs/common';
import { tooManyRequests } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

const WINDOW_SECONDS = 60;

/**
 * Slows password guessing: after `LOGIN_FAILURES_PER_MINUTE` failed sign-ins within a minute for
 * one email, or from one address, further tries are refused until the oldest falls out of the
 * minute — even with the right password, so a guesser learns nothing. Only failures count, so
 * a whole call center signing in from one address at the start of a shift is unaffected.
 * The counts live in PostgreSQL, shared by every API process.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, address: string): string[] {
    return [`email:${email.slice(0, 254)}`, `ip:${address.slice(0, 64)}`];
  }

  /** Refuses with TOO_MANY_REQUESTS when either key has used up its failures for the minute. */
  async check(email: string, address: string): Promise<void> {
    const rows = (await this.db.manager.query(
      `SELECT count(*)::int AS failures FROM login_failure
        WHERE key = ANY($1) AND at > now() - make_interval(secs => $2)
        GROUP BY key ORDER BY 1 DESC LIMIT 1`,
      [this.keys(email, address), WINDOW_SECONDS],
    )) as Array<{ failures: number }>;
    if ((rows[0]?.failures ?? 0) >= this.config.loginFailuresPerMinute) {
      throw tooManyRequests('Too many sign-in attempts. Wait a minute and try again.', WINDOW_SECONDS);
    }
  }

  /** Records a failed sign-in for the email and the address, dropping their expired entries. */
  async recordFailure(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    await this.db.manager.query(
      `WITH expired AS (DELETE FROM login_failure WHERE key = ANY($1) AND at <= now() - make_interval(secs => $2))
       INSERT INTO login_failure (key) SELECT unnest($1::varchar[])`,
      [keys, WINDOW_SECONDS],
    );
  }
}
