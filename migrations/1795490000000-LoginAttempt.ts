import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in attempt counters: one row per key (account and address, address, account, device,
 * user) and window, incremented by one INSERT … ON CONFLICT … DO UPDATE … RETURNING before a
 * password is checked, so parallel requests cannot all slip under the limit. They replace the
 * failure log, which was read and written in two steps. `next_at` carries the account-wide
 * progressive delay; `expires_at` is when the sweep may remove the row. UNLOGGED: losing the
 * counts in a crash is harmless, and the writes skip the WAL.
 */
export class LoginAttempt1795490000000 implements MigrationInterface {
  name = 'LoginAttempt1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "login_attempt" (
        "key" character varying(400) NOT NULL,
        "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "attempts" integer NOT NULL,
        "admitted" boolean NOT NULL DEFAULT true,
        "next_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_login_attempt" PRIMARY KEY ("key", "window_start"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_attempt_expires_at" ON "login_attempt" ("expires_at")`);
    await queryRunner.query(`DROP TABLE "login_failure"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "login_failure" ("key" character varying(300) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_failure_key_at" ON "login_failure" ("key", "at")`);
    await queryRunner.query(`DROP TABLE "login_attempt"`);
  }
}
