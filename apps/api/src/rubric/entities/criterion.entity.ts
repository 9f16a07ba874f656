import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { RubricVersionEntity } from './rubric-version.entity.js';

@Entity({ name: 'criterion' })
export class CriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'rubric_version_id', type: 'uuid' })
  rubricVersionId!: string;

  @ManyToOne(() => RubricVersionEntity, (version) => version.criteria, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rubric_version_id' })
  rubricVersion?: Relation<RubricVersionEntity>;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'double precision' })
  weight!: number;

  @Column({ type: 'boolean' })
  critical!: boolean;

  @Column({ name: 'na_allowed', type: 'boolean' })
  naAllowed!: boolean;

  @Column({ name: 'title_es', type: 'text' })
  titleEs!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  @Column({ name: 'listen_for_es', type: 'text' })
  listenForEs!: string;

  @Column({ name: 'listen_for_en', type: 'text' })
  listenForEn!: string;
}
