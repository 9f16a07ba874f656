import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Stored states; OVERDUE is not stored but read: not DONE after the due date. */
export type StoredAssignmentStatus = 'OPEN' | 'STARTED' | 'DONE';
export type AssignmentReasonValue = 'PLAN' | 'RISK_FLAG';

/** A call drawn for one evaluator to score (docs/rubric.md#sampling). A call is assigned at most once. */
@Entity({ name: 'assignment' })
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId!: string;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ name: 'week_start', type: 'date' })
  weekStart!: string;

  /** The last day to do it (YYYY-MM-DD, organisation time): the Sunday of the following week. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'text', default: 'OPEN' })
  status!: StoredAssignmentStatus;

  @Column({ type: 'text', default: 'PLAN' })
  reason!: AssignmentReasonValue;

  @Column({ name: 'evaluation_id', type: 'uuid', nullable: true })
  evaluationId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;
}
