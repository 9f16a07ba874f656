import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls (with their transcript), evaluations with one row per answered criterion, disputes and
 * CSV imports. The database holds the lifecycle's invariants too: a draft has no score, a
 * submitted evaluation has one; an answer names a criterion of the evaluation's rubric version.
 */
export class CallsAndEvaluations1795397088219 implements MigrationInterface {
  name = 'CallsAndEvaluations1795397088219';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE call (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      external_id text NOT NULL CHECK (length(btrim(external_id)) BETWEEN 1 AND 200),
      agent_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      started_at timestamptz NOT NULL,
      duration_seconds integer NOT NULL CHECK (duration_seconds >= 0),
      direction text NOT NULL CHECK (direction IN ('INBOUND','OUTBOUND')),
      purpose text NOT NULL CHECK (purpose IN ('SUPPORT','COMPLAINT','SALES','POST_SALE','RETENTION','FEEDBACK',
        'COLLECTIONS_EARLY','COLLECTIONS_MID','COLLECTIONS_LATE','OTHER')),
      hold_seconds integer CHECK (hold_seconds >= 0),
      transfers integer CHECK (transfers >= 0),
      customer_ref text CHECK (length(customer_ref) <= 200),
      recording_url text CHECK (recording_url ~* '^https?://'),
      transcript jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(transcript) = 'array'),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id) ON DELETE RESTRICT
    )`);
    await q.query(`CREATE UNIQUE INDEX call_external_id_unique ON call (external_id)`);
    await q.query(`CREATE INDEX call_agent_started ON call (agent_id, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX call_started ON call (started_at DESC, id DESC)`);

    await q.query(`CREATE TABLE evaluation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      call_id uuid NOT NULL REFERENCES call(id) ON DELETE RESTRICT,
      evaluator_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      agent_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      call_started_at timestamptz NOT NULL,
      rubric_version_id uuid NOT NULL REFERENCES rubric_version(id) ON DELETE RESTRICT,
      status text NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','ACKNOWLEDGED','DISPUTED','RESOLVED')),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      resolution text CHECK (resolution IN ('RESOLVED','PARTIAL','UNRESOLVED')),
      supervisor_requested boolean,
      supervisor_provided boolean,
      comment text CHECK (length(comment) <= 10000),
      score double precision CHECK (score BETWEEN 0 AND 100),
      raw_score double precision CHECK (raw_score BETWEEN 0 AND 100),
      critical_failure boolean,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      acknowledged_at timestamptz,
      UNIQUE (call_id, evaluator_id),
      CHECK (evaluator_id <> agent_id),
      CHECK ((status = 'DRAFT') = (score IS NULL)),
      CHECK ((status = 'DRAFT') = (submitted_at IS NULL)),
      CHECK ((score IS NULL) = (raw_score IS NULL) AND (score IS NULL) = (critical_failure IS NULL))
    )`);
    await q.query(`CREATE INDEX evaluation_agent_call_time ON evaluation (agent_id, call_started_at) WHERE status <> 'DRAFT'`);
    await q.query(`CREATE INDEX evaluation_evaluator ON evaluation (evaluator_id, status)`);
    await q.query(`CREATE INDEX evaluation_listing ON evaluation (call_started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX evaluation_status ON evaluation (status)`);

    await q.query(`CREATE TABLE evaluation_answer (
      evaluation_id uuid NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
      rubric_version_id uuid NOT NULL,
      criterion_code text NOT NULL,
      value smallint CHECK (value BETWEEN 0 AND 4),
      -- N/A is an answer; a row with neither a value nor N/A holds a comment typed before the value.
      not_applicable boolean NOT NULL DEFAULT false CHECK (NOT (not_applicable AND value IS NOT NULL)),
      comment text CHECK (length(comment) <= 5000),
      evidence_seconds integer CHECK (evidence_seconds >= 0),
      PRIMARY KEY (evaluation_id, criterion_code),
      FOREIGN KEY (rubric_version_id, criterion_code) REFERENCES criterion (rubric_version_id, code) ON DELETE RESTRICT
    )`);

    await q.query(`CREATE TABLE dispute (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      evaluation_id uuid NOT NULL UNIQUE REFERENCES evaluation(id) ON DELETE CASCADE,
      agent_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      codes text[] NOT NULL CHECK (cardinality(codes) >= 1),
      reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 5000),
      created_at timestamptz NOT NULL DEFAULT now(),
      decision text CHECK (decision IN ('UPHOLD','AMEND')),
      resolution_comment text,
      resolved_by uuid REFERENCES app_user(id) ON DELETE RESTRICT,
      resolved_at timestamptz,
      CHECK ((decision IS NULL) = (resolved_at IS NULL))
    )`);

    await q.query(`CREATE TABLE call_import (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      status text NOT NULL CHECK (status IN ('VALIDATING','IMPORTING','DONE','FAILED')),
      file_name text,
      total integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      imported integer NOT NULL DEFAULT 0,
      error_count integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_by uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);

    // The audit log is append-only at the database level too.
    await q.query(`CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries are never changed or deleted' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
    await q.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_entry_no_truncate ON audit_entry`);
    await q.query(`DROP TRIGGER audit_entry_append_only ON audit_entry`);
    await q.query(`DROP FUNCTION audit_entry_append_only()`);
    await q.query(`DROP TABLE call_import`);
    await q.query(`DROP TABLE dispute`);
    await q.query(`DROP TABLE evaluation_answer`);
    await q.query(`DROP TABLE evaluation`);
    await q.query(`DROP TABLE call`);
  }
}
