import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Coaching plans (docs/rubric.md#coaching-results) and their sessions. */
export class CoachingPlans1795398945679 implements MigrationInterface {
  name = 'CoachingPlans1795398945679';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE coaching_plan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agent_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      coach_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      focus_codes text[] NOT NULL CHECK (cardinality(focus_codes) BETWEEN 1 AND 3),
      methods text[] NOT NULL CHECK (cardinality(methods) >= 1 AND methods <@ ARRAY['SOCRATIC_QUESTIONING','DIALECTIC',
        'CALL_REVIEW','ROLE_PLAY','SIDE_BY_SIDE','WORKSHOP','SEMINAR','MOTIVATIONAL_TALK']::text[]),
      target_focus_score double precision NOT NULL CHECK (target_focus_score BETWEEN 0 AND 100),
      start_date date NOT NULL,
      due_date date NOT NULL,
      notes text CHECK (length(notes) <= 5000),
      status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','COMPLETED','CANCELLED')),
      achieved boolean,
      closed_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (due_date > start_date),
      CHECK ((status = 'ACTIVE') = (closed_at IS NULL)),
      CHECK ((status = 'COMPLETED') = (achieved IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX coaching_plan_agent ON coaching_plan (agent_id, status)`);
    await q.query(`CREATE INDEX coaching_plan_coach ON coaching_plan (coach_id, status)`);

    await q.query(`CREATE TABLE coaching_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES coaching_plan(id) ON DELETE CASCADE,
      date date NOT NULL,
      notes text NOT NULL CHECK (length(btrim(notes)) BETWEEN 1 AND 10000),
      agreed_actions text CHECK (length(agreed_actions) <= 5000),
      created_by uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
      created_at timestamptz NOT NULL DEFAULT now(),
      acknowledged_at timestamptz
    )`);
    await q.query(`CREATE INDEX coaching_session_plan ON coaching_session (plan_id, date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE coaching_session`);
    await q.query(`DROP TABLE coaching_plan`);
  }
}
