import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A sampling plan (docs/rubric.md#sampling): which calls of which teams are drawn for evaluation each week. */
@Entity({ name: 'sampling_plan' })
export class SamplingPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /**
   * The plan's teams. Kept as a list rather than a foreign key so that a team removed behind the
   * plan's back is reported by name when the plan next draws, instead of silently dropped.
   */
  @Column({ name: 'team_ids', type: 'uuid', array: true })
  teamIds!: string[];

  @Column({ name: 'calls_per_agent_per_week', type: 'integer' })
  callsPerAgentPerWeek!: number;

  @Column({ name: 'stratify_by_purpose', type: 'boolean', default: false })
  stratifyByPurpose!: boolean;

  /** The eligible purposes; null: every purpose. */
  @Column({ type: 'text', array: true, nullable: true })
  purposes!: string[] | null;

  @Column({ type: 'text' })
  seed!: string;

  @Column({ name: 'target_margin', type: 'double precision', default: 5 })
  targetMargin!: number;

  @Column({ name: 'include_coaches', type: 'boolean', default: false })
  includeCoaches!: boolean;

  @Column({ name: 'flagged_share', type: 'double precision', default: 0 })
  flaggedShare!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
