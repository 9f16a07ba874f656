import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { RubricStatus } from '../../common/graphql-enums.js';
import type { CriterionEntity } from '../entities/criterion.entity.js';
import type { RubricVersionEntity } from '../entities/rubric-version.entity.js';

@ObjectType('Criterion', { description: 'One rule of a rubric version; `code` is stable across versions.' })
export class CriterionModel {
  @Field()
  code!: string;

  @Field(() => Float)
  weight!: number;

  @Field()
  critical!: boolean;

  @Field()
  naAllowed!: boolean;

  @Field(() => Int)
  position!: number;

  /** Both languages; `title(lang)` and `listenFor(lang)` pick one. */
  texts!: { title: { es: string; en: string }; listenFor: { es: string; en: string } };
}

@ObjectType('RubricVersion')
export class RubricVersionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => RubricStatus)
  status!: RubricStatus;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;
}

export const toRubricVersionModel = (entity: RubricVersionEntity): RubricVersionModel => ({
  id: entity.id,
  number: entity.number,
  status: entity.status as RubricStatus,
  publishedAt: entity.publishedAt,
});

export const toCriterionModel = (entity: CriterionEntity): CriterionModel => ({
  code: entity.code,
  weight: entity.weight,
  critical: entity.critical,
  naAllowed: entity.naAllowed,
  position: entity.position,
  texts: {
    title: { es: entity.titleEs, en: entity.titleEn },
    listenFor: { es: entity.listenForEs, en: entity.listenForEn },
  },
});
