import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins, per email and per client address, for the login throttle. Kept in the database
 * so every API process sees the same counts. UNLOGGED: losing a minute of attempts in a crash
 * is harmless, and the writes skip the WAL.
 */
export class LoginThrottle1795480000000 implements MigrationInterface {
  name = 'LoginThrottle1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "login_failure" ("key" character varying(300) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_failure_key_at" ON "login_failure" ("key", "at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_failure"`);
  }
}
