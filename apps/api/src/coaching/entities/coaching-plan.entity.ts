import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const COACHING_METHODS = [
  'SOCRATIC_QUESTIONING',
  'DIALECTIC',
  'CALL_REVIEW',
  'ROLE_PLAY',
  'SIDE_BY_SIDE',
  'WORKSHOP',
  'SEMINAR',
  'MOTIVATIONAL_TALK',
] as const;
export type CoachingMethodValue = (typeof COACHING_METHODS)[number];
export type PlanStatusValue = 'ACTIVE' | 'COMPLETED' | 'CANCELLED';

@Entity({ name: 'coaching_plan' })
export class CoachingPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  @Column({ name: 'coach_id', type: 'uuid' })
  coachId!: string;

  @Column({ name: 'focus_codes', type: 'text', array: true })
  focusCodes!: string[];

  @Column({ type: 'text', array: true })
  methods!: CoachingMethodValue[];

  @Column({ name: 'target_focus_score', type: 'double precision' })
  targetFocusScore!: number;

  /** YYYY-MM-DD. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  /** YYYY-MM-DD; the day itself counts. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'text', default: 'ACTIVE' })
  status!: PlanStatusValue;

  /** Whether the goal was met when the coach completed the plan (docs/rubric.md#coaching-results). */
  @Column({ type: 'boolean', nullable: true })
  achieved!: boolean | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
