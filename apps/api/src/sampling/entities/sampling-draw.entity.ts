import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That a plan's week has been drawn. Its primary key (plan, week) is what makes a draw happen
 * once: a second draw of the week — repeated, or racing the first — finds the row and changes
 * nothing (docs/rubric.md#sampling).
 */
@Entity({ name: 'sampling_draw' })
export class SamplingDrawEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  /** The Monday of the ISO week, YYYY-MM-DD. */
  @PrimaryColumn({ name: 'week_start', type: 'date' })
  weekStart!: string;

  @Column({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt!: Date;

  /** Who asked for the draw; null for the weekly schedule. */
  @Column({ name: 'drawn_by', type: 'uuid', nullable: true })
  drawnBy!: string | null;

  /** Calls drawn that no one in the pool could take (only their own agent was in it). */
  @Column({ type: 'integer', default: 0 })
  unassigned!: number;
}
