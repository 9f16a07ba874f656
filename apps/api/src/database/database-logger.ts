import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { describeError } from '../common/safe-logger.js';

/**
 * TypeORM's logger for the app: statements are never logged with their parameters, which hold
 * password hashes, comments and transcripts (README.md, Security). A failed statement is
 * logged once, by whoever receives its error (Nest's exception handler, through the app's safe
 * logger), so here it is left at debug level as its code and names only; warnings pass through.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {
    // Every statement would be far too much; the parameters must never be logged anyway.
  }

  logQueryError(error: string | Error): void {
    this.logger.debug(`A statement failed: ${describeError(error)}`);
  }

  logQuerySlow(time: number): void {
    this.logger.warn(`A statement took ${time} ms.`);
  }

  logSchemaBuild(): void {
    // The schema changes only through migrations.
  }

  logMigration(message: string): void {
    this.logger.debug(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(typeof message === 'string' ? message : describeError(message));
  }
}
