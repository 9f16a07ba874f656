import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EvaluationStatus, Resolution } from '../../common/graphql-enums.js';

// The values are declared once, as the GraphQL enums; the entity stores their strings.
export type EvaluationStatusValue = `${EvaluationStatus}`;
export type ResolutionValue = `${Resolution}`;

@Entity({ name: 'evaluation' })
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId!: string;

  /** The call's agent, copied so that scope checks and progress need no join. */
  @Column({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  /** The call's start, copied: progress windows are by call time (docs/rubric.md#figures-over-a-window). */
  @Column({ name: 'call_started_at', type: 'timestamptz' })
  callStartedAt!: Date;

  @Column({ name: 'rubric_version_id', type: 'uuid' })
  rubricVersionId!: string;

  @Column({ type: 'text' })
  status!: EvaluationStatusValue;

  /** Optimistic locking: a save or submit names the version it read. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text', nullable: true })
  resolution!: ResolutionValue | null;

  @Column({ name: 'supervisor_requested', type: 'boolean', nullable: true })
  supervisorRequested!: boolean | null;

  @Column({ name: 'supervisor_provided', type: 'boolean', nullable: true })
  supervisorProvided!: boolean | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  @Column({ name: 'raw_score', type: 'double precision', nullable: true })
  rawScore!: number | null;

  @Column({ name: 'critical_failure', type: 'boolean', nullable: true })
  criticalFailure!: boolean | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;
}
