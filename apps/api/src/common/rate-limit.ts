import type { NextFunction, Request, Response } from 'express';

const WINDOW_MS = 60_000;

/**
 * Requests per minute per key in this process (fixed one-minute windows). Each API process
 * limits on its own: with N processes behind a load balancer a client may make up to N times
 * the limit, which still bounds what one user can cost. Sign-in guessing is limited separately,
 * across processes, by the login throttle.
 */
export class RequestRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly perMinute: number) {
    // Forget finished windows so the map holds only clients seen in the last minute.
    this.sweeper = setInterval(() => this.sweep(Date.now()), WINDOW_MS).unref();
  }

  /** Counts one request; the seconds to wait when over the limit, else 0. */
  take(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    window.count += 1;
    return window.count > this.perMinute ? Math.ceil((window.start + WINDOW_MS - now) / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}

/**
 * Express middleware: 429 with Retry-After, and a GraphQL-shaped body so clients show the message
 * like any other API error. `keyOf` names the client (the signed-in user, else the address).
 */
export function rateLimitMiddleware(limiter: RequestRateLimiter, keyOf: (req: Request) => string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const wait = limiter.take(keyOf(req));
    if (wait === 0) return next();
    res.setHeader('Retry-After', String(wait));
    res.status(429).json({
      errors: [
        {
          message: `Too many requests. Wait ${wait} s and try again.`,
          extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: wait },
        },
      ],
    });
  };
}
