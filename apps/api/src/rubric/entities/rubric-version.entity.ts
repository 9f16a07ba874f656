import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CriterionEntity } from './criterion.entity.js';

export type RubricStatusValue = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';

@Entity({ name: 'rubric_version' })
export class RubricVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer' })
  number!: number;

  /** PUBLISHED is the active version (at most one); ARCHIVED ones were active before. */
  @Column({ type: 'text' })
  status!: RubricStatusValue;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => CriterionEntity, (criterion) => criterion.rubricVersion)
  criteria?: CriterionEntity[];
}
