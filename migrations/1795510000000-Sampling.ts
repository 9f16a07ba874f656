import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sampling plans, their drawn weeks and the assignments they make (docs/rubric.md#sampling).
 * `sampling_draw`'s primary key makes a plan's week draw once however many requests or processes
 * ask at the same moment; `assignment`'s unique call makes a call assigned at most once, by any
 * plan. OVERDUE is read from the due date, not stored.
 */
export class Sampling1795510000000 implements MigrationInterface {
  name = 'Sampling1795510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sampling_plan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
      team_ids uuid[] NOT NULL CHECK (cardinality(team_ids) >= 1),
      calls_per_agent_per_week integer NOT NULL CHECK (calls_per_agent_per_week BETWEEN 1 AND 50),
      stratify_by_purpose boolean NOT NULL DEFAULT false,
      purposes text[] CHECK (purposes IS NULL OR cardinality(purposes) >= 1),
      seed text NOT NULL CHECK (length(seed) BETWEEN 1 AND 200),
      target_margin double precision NOT NULL DEFAULT 5 CHECK (target_margin > 0 AND target_margin <= 100),
      include_coaches boolean NOT NULL DEFAULT false,
      flagged_share double precision NOT NULL DEFAULT 0 CHECK (flagged_share BETWEEN 0 AND 1),
      active boolean NOT NULL DEFAULT true,
      created_by uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX sampling_plan_name_unique ON sampling_plan (lower(name))`);

    await q.query(`CREATE TABLE sampling_draw (
      plan_id uuid NOT NULL REFERENCES sampling_plan(id) ON DELETE CASCADE,
      week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
      drawn_at timestamptz NOT NULL,
      drawn_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      unassigned integer NOT NULL DEFAULT 0,
      PRIMARY KEY (plan_id, week_start)
    )`);

    await q.query(`CREATE TABLE assignment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      call_id uuid NOT NULL REFERENCES call(id) ON DELETE CASCADE,
      evaluator_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      plan_id uuid REFERENCES sampling_plan(id) ON DELETE SET NULL,
      week_start date NOT NULL,
      due_date date NOT NULL,
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','STARTED','DONE')),
      reason text NOT NULL DEFAULT 'PLAN' CHECK (reason IN ('PLAN','RISK_FLAG')),
      evaluation_id uuid REFERENCES evaluation(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      done_at timestamptz,
      CHECK (due_date > week_start)
    )`);
    await q.query(`CREATE UNIQUE INDEX assignment_call_unique ON assignment (call_id)`);
    await q.query(`CREATE INDEX assignment_evaluator ON assignment (evaluator_id, status, due_date)`);
    await q.query(`CREATE INDEX assignment_plan_week ON assignment (plan_id, week_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assignment`);
    await q.query(`DROP TABLE sampling_draw`);
    await q.query(`DROP TABLE sampling_plan`);
  }
}
