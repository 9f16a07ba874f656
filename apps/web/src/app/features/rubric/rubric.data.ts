import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';
import { operation } from '../../core/api/typed-document';
import { CRITERION_FIELDS } from '../../shared/graphql/fragments';
import type { ActiveRubricQuery } from '../../graphql-types';

/** The shapes come from the schema (npm run codegen), never written by hand. */
export type ActiveRubric = ActiveRubricQuery['activeRubric'];
export type RubricCriterion = ActiveRubric['criteria'][number];

const ACTIVE_RUBRIC = operation(/* GraphQL */ `
  query ActiveRubric($lang: Lang) {
    activeRubric {
      id
      number
      status
      publishedAt
      criteria {
        ...CriterionFields
      }
    }
  }
  ${CRITERION_FIELDS}
`);

/** The rubric feature's one data service. */
@Injectable({ providedIn: 'root' })
export class RubricData {
  private readonly api = inject(GraphqlClient);

  async activeRubric(lang: 'ES' | 'EN'): Promise<ActiveRubric> {
    return (await this.api.request(ACTIVE_RUBRIC, { lang })).activeRubric;
  }
}
