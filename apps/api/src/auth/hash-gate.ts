import { Inject, Injectable } from '@nestjs/common';
import { tooManyRequests } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';

/**
 * Caps how many password hashes and verifications run at once (`HASH_CONCURRENCY`). Each costs
 * 19 MiB and tens of milliseconds of a core; without a cap a flood of sign-ins, even refused
 * ones, would queue work without bound and starve every other request. Past the cap a request
 * is answered TOO_MANY_REQUESTS at once instead of waiting in line.
 */
@Injectable()
export class HashGate {
  private running = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.config.hashConcurrency) {
      throw tooManyRequests('The server is busy checking passwords. Try again in a moment.', 1);
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
    }
  }
}
