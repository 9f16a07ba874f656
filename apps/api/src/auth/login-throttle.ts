import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { tooManyRequests } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

/** The tight windows: per (account, address), per address, per device cookie. */
const MINUTE = 60;
/** The account-wide window, and the window of wrong current passwords per user. */
const HOUR = 3600;
/** The longest progressive delay on one account. */
const MAX_ACCOUNT_DELAY_SECONDS = 900;

/** One counter row an attempt was counted in, to give the attempt back or clear the counter. */
interface Counted {
  key: string;
  windowStart: Date;
  /** Cleared on success (the (account, address) and device counters); otherwise only given back. */
  clearOnSuccess: boolean;
}

/** The counters one admitted attempt was counted in. */
export interface Admission {
  counted: Counted[];
}

/**
 * Slows password guessing (OWASP authentication cheat sheet; the numbers are in README's security
 * section and docs/api.md). Every attempt is counted *before* its password is checked, by one SQL
 * statement per counter that inserts or increments the row of its key and window and returns the
 * new count: however many requests arrive at once, and on however many API processes, at most
 * the limit of them get a password checked in one window.
 *
 * - per (account, address) and per device cookie: `LOGIN_FAILURES_PER_MINUTE`;
 * - per address, whatever the account: `LOGIN_ADDRESS_FAILURES_PER_MINUTE`;
 * - per account from every address: `LOGIN_ACCOUNT_FAILURES_PER_HOUR` without delay, then each
 *   further attempt only after a delay that doubles (1 s, 2 s, 4 s … up to 15 minutes). A browser
 *   that signed in to the account before (its device cookie) is counted per device instead, so
 *   a stranger who knows the e-mail cannot lock its owner out.
 *
 * A refusal says when to retry (`retryAfterSeconds`), and comes even with the right password, so
 * a guesser learns nothing. A success gives its own attempt back and clears the (account,
 * address) counter, so a whole shift signing in from one office is unaffected. Rows outlive
 * their window only until the sweep (`LoginAttemptSweeper`) removes them.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts a sign-in attempt for `email` from `address`; `device` is the id of a valid device
   * cookie for this account, if the browser sent one. Refuses with TOO_MANY_REQUESTS when a
   * limit is used up.
   */
  async admitSignIn(email: string, address: string, device: string | null): Promise<Admission> {
    const account = email.slice(0, 254);
    const ip = address.slice(0, 64);
    const tight: Array<{ key: string; limit: number; clearOnSuccess: boolean }> = [
      { key: `pair:${account}|${ip}`, limit: this.config.loginFailuresPerMinute, clearOnSuccess: true },
      { key: `ip:${ip}`, limit: this.config.loginAddressFailuresPerMinute, clearOnSuccess: false },
    ];
    if (device) tight.push({ key: `device:${device}`, limit: this.config.loginFailuresPerMinute, clearOnSuccess: true });
    const admission = await this.countFixed(tight, MINUTE);
    // Only attempts the tight limits let through reach the account-wide counter, so one address
    // can add at most its own limit to an account's count.
    if (!device) await this.countAccount(`account:${account}`, admission);
    return admission;
  }

  /**
   * Counts a check of a signed-in user's current password (changing one's own password): the
   * same atomic counter, keyed by user, `LOGIN_FAILURES_PER_MINUTE` per hour. The returned
   * `exhausted` says the limit is reached, so the caller ends the user's sessions on a failure.
   */
  async admitCurrentPassword(userId: string): Promise<Admission & { exhausted: boolean }> {
    const limit = this.config.loginFailuresPerMinute;
    const windowStart = this.windowStart(HOUR);
    const counts = await this.increment([`current-password:${userId}`], windowStart, HOUR);
    const attempts = counts.get(`current-password:${userId}`) ?? 1;
    const admission: Admission = { counted: [{ key: `current-password:${userId}`, windowStart, clearOnSuccess: true }] };
    if (attempts > limit) throw this.refusal(new Date(windowStart.getTime() + HOUR * 1000));
    return { ...admission, exhausted: attempts >= limit };
  }

  /** The attempt succeeded: it gives its count back, and the counters of its kind are cleared. */
  async succeeded(admission: Admission): Promise<void> {
    const cleared = admission.counted.filter((c) => c.clearOnSuccess).map((c) => c.key);
    if (cleared.length) await this.db.manager.query(`DELETE FROM login_attempt WHERE key = ANY($1)`, [cleared]);
    await this.giveBack(admission.counted.filter((c) => !c.clearOnSuccess));
  }

  /** The attempt was not made after all (no password was checked): every count is given back. */
  async giveBackAll(admission: Admission): Promise<void> {
    await this.giveBack(admission.counted);
  }

  private async giveBack(counted: Counted[]): Promise<void> {
    if (!counted.length) return;
    await this.db.manager.query(
      `UPDATE login_attempt AS a SET attempts = a.attempts - 1
         FROM unnest($1::varchar[], $2::timestamptz[]) AS t(key, window_start)
        WHERE a.key = t.key AND a.window_start = t.window_start AND a.attempts > 0`,
      [counted.map((c) => c.key), counted.map((c) => c.windowStart)],
    );
  }

  private windowStart(seconds: number): Date {
    const ms = seconds * 1000;
    return new Date(Math.floor(this.clock.now().getTime() / ms) * ms);
  }

  private refusal(until: Date): Error {
    const wait = Math.max(1, Math.ceil((until.getTime() - this.clock.now().getTime()) / 1000));
    return tooManyRequests(`Too many sign-in attempts. Try again in ${wait} s.`, wait);
  }

  /** Increments fixed-window counters in one statement; their new counts by key. */
  private async increment(keys: string[], windowStart: Date, windowSeconds: number): Promise<Map<string, number>> {
    const expiresAt = new Date(windowStart.getTime() + windowSeconds * 1000);
    const rows = (await this.db.manager.query(
      `INSERT INTO login_attempt AS a (key, window_start, attempts, next_at, expires_at)
       SELECT k, $2, 1, $2, $3 FROM unnest($1::varchar[]) AS k
       ON CONFLICT (key, window_start) DO UPDATE SET attempts = a.attempts + 1
       RETURNING key, attempts`,
      [keys, windowStart, expiresAt],
    )) as Array<{ key: string; attempts: number }>;
    return new Map(rows.map((row) => [row.key, row.attempts]));
  }

  private async countFixed(
    counters: Array<{ key: string; limit: number; clearOnSuccess: boolean }>,
    windowSeconds: number,
  ): Promise<Admission> {
    const windowStart = this.windowStart(windowSeconds);
    const counts = await this.increment(
      counters.map((c) => c.key),
      windowStart,
      windowSeconds,
    );
    if (counters.some((c) => (counts.get(c.key) ?? 1) > c.limit)) {
      throw this.refusal(new Date(windowStart.getTime() + windowSeconds * 1000));
    }
    return { counted: counters.map((c) => ({ key: c.key, windowStart, clearOnSuccess: c.clearOnSuccess })) };
  }

  /**
   * The account-wide counter with its progressive delay, in one statement: an attempt is let
   * through only once `next_at` has passed; each one let through moves `next_at` by the delay
   * its rank earns (none within the free allowance, then 1 s, 2 s, 4 s …). Attempts refused here
   * do not count, so waiting out the delay is always enough.
   */
  private async countAccount(key: string, admission: Admission): Promise<void> {
    const free = this.config.loginAccountFailuresPerHour;
    const delayOf = (rank: number) => (rank < free ? 0 : Math.min(2 ** (rank - free), MAX_ACCOUNT_DELAY_SECONDS));
    const windowStart = this.windowStart(HOUR);
    const now = this.clock.now();
    const rows = (await this.db.manager.query(
      `INSERT INTO login_attempt AS a (key, window_start, attempts, admitted, next_at, expires_at)
       VALUES ($1, $2, 1, true, $3::timestamptz + make_interval(secs => $6::float8), $4)
       ON CONFLICT (key, window_start) DO UPDATE SET
         admitted = a.next_at <= $3::timestamptz,
         attempts = CASE WHEN a.next_at <= $3::timestamptz THEN a.attempts + 1 ELSE a.attempts END,
         next_at = CASE WHEN a.next_at <= $3::timestamptz
           THEN $3::timestamptz + make_interval(secs => CASE WHEN a.attempts + 1 < $5::int THEN 0
                  ELSE LEAST(power(2, a.attempts + 1 - $5::int), $7::float8) END)
           ELSE a.next_at END
       RETURNING admitted, next_at`,
      [key, windowStart, now, new Date(windowStart.getTime() + HOUR * 1000), free, delayOf(1), MAX_ACCOUNT_DELAY_SECONDS],
    )) as Array<{ admitted: boolean; next_at: Date }>;
    const row = rows[0]!;
    if (!row.admitted) {
      await this.giveBackAll(admission);
      throw this.refusal(new Date(row.next_at));
    }
    admission.counted.push({ key, windowStart, clearOnSuccess: false });
  }
}
