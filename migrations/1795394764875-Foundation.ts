import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_RUBRIC } from '../libs/scoring/src/index.js';

/**
 * Users, teams, coaches, rubric versions with their criteria, the audit log, and version 1 of
 * the decálogo published. Constraints live here too, so that no code path (or hand-written
 * SQL) can store what the application would refuse.
 */
export class Foundation1795394764875 implements MigrationInterface {
  name = 'Foundation1795394764875';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE team (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX team_name_unique ON team (lower(name))`);

    await q.query(`CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
      roles text[] NOT NULL CHECK (cardinality(roles) >= 1
        AND roles <@ ARRAY['ADMIN','EVALUATOR','COACH','AGENT']::text[]),
      active boolean NOT NULL DEFAULT true,
      password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
      locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es','en')),
      team_id uuid REFERENCES team(id) ON DELETE RESTRICT,
      token_version integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_unique ON app_user (email)`);
    await q.query(`CREATE INDEX app_user_team ON app_user (team_id)`);

    await q.query(`CREATE TABLE team_coach (
      team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      PRIMARY KEY (team_id, user_id)
    )`);
    await q.query(`CREATE INDEX team_coach_user ON team_coach (user_id)`);

    await q.query(`CREATE TABLE rubric_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer NOT NULL UNIQUE CHECK (number >= 1),
      status text NOT NULL CHECK (status IN ('DRAFT','PUBLISHED','ARCHIVED')),
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'DRAFT') = (published_at IS NULL))
    )`);
    // One active version and one draft at a time.
    await q.query(`CREATE UNIQUE INDEX rubric_version_one_published ON rubric_version (status) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE UNIQUE INDEX rubric_version_one_draft ON rubric_version (status) WHERE status = 'DRAFT'`);

    await q.query(`CREATE TABLE criterion (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rubric_version_id uuid NOT NULL REFERENCES rubric_version(id) ON DELETE CASCADE,
      code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{0,15}$'),
      position integer NOT NULL CHECK (position >= 1),
      weight double precision NOT NULL CHECK (weight > 0 AND weight <= 1000),
      critical boolean NOT NULL,
      na_allowed boolean NOT NULL,
      title_es text NOT NULL CHECK (length(btrim(title_es)) > 0),
      title_en text NOT NULL CHECK (length(btrim(title_en)) > 0),
      listen_for_es text NOT NULL CHECK (length(btrim(listen_for_es)) > 0),
      listen_for_en text NOT NULL CHECK (length(btrim(listen_for_en)) > 0),
      UNIQUE (rubric_version_id, code),
      UNIQUE (rubric_version_id, position) DEFERRABLE INITIALLY DEFERRED
    )`);

    // A published version never changes: criteria may be written only while their version is a draft.
    await q.query(`CREATE FUNCTION criterion_only_in_draft() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE version_status text;
      BEGIN
        SELECT status INTO version_status FROM rubric_version
          WHERE id = COALESCE(NEW.rubric_version_id, OLD.rubric_version_id);
        IF version_status IS DISTINCT FROM 'DRAFT' AND version_status IS NOT NULL THEN
          RAISE EXCEPTION 'criteria of a % rubric version cannot change', lower(version_status)
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`CREATE TRIGGER criterion_only_in_draft BEFORE INSERT OR UPDATE OR DELETE ON criterion
      FOR EACH ROW EXECUTE FUNCTION criterion_only_in_draft()`);

    await q.query(`CREATE TABLE audit_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES app_user(id) ON DELETE RESTRICT,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb
    )`);
    await q.query(`CREATE INDEX audit_entry_entity ON audit_entry (entity_id, at)`);
    await q.query(`CREATE INDEX audit_entry_at ON audit_entry (at DESC, id DESC)`);

    // Version 1: the decálogo, written as a draft then published (the trigger allows criteria
    // only on drafts). The texts come from libs/scoring, the one definition of the rubric.
    const [version] = (await q.query(`INSERT INTO rubric_version (number, status) VALUES (1, 'DRAFT') RETURNING id`)) as Array<{
      id: string;
    }>;
    for (const c of DEFAULT_RUBRIC) {
      await q.query(
        `INSERT INTO criterion (rubric_version_id, code, position, weight, critical, na_allowed,
           title_es, title_en, listen_for_es, listen_for_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          version!.id,
          c.code,
          c.position,
          c.weight,
          c.critical,
          c.naAllowed,
          c.title.es,
          c.title.en,
          c.listenFor.es,
          c.listenFor.en,
        ],
      );
    }
    await q.query(`UPDATE rubric_version SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [version!.id]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP TABLE criterion`);
    await q.query(`DROP FUNCTION criterion_only_in_draft()`);
    await q.query(`DROP TABLE rubric_version`);
    await q.query(`DROP TABLE team_coach`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE team`);
  }
}
