import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One criterion's answer: a value 0–4, or N/A (`notApplicable`). A row with neither holds a
 * comment or evidence time given before the value (a draft in progress).
 */
@Entity({ name: 'evaluation_answer' })
export class EvaluationAnswerEntity {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @PrimaryColumn({ name: 'criterion_code', type: 'text' })
  criterionCode!: string;

  @Column({ name: 'rubric_version_id', type: 'uuid' })
  rubricVersionId!: string;

  @Column({ type: 'smallint', nullable: true })
  value!: number | null;

  @Column({ name: 'not_applicable', type: 'boolean', default: false })
  notApplicable!: boolean;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'evidence_seconds', type: 'integer', nullable: true })
  evidenceSeconds!: number | null;
}
