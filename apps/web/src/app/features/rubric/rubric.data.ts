import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';

export interface RubricCriterion {
  code: string;
  weight: number;
  critical: boolean;
  naAllowed: boolean;
  position: number;
  title: string;
  listenFor: string;
}

export interface ActiveRubric {
  id: string;
  number: number;
  status: string;
  publishedAt: string | null;
  criteria: RubricCriterion[];
}

const ACTIVE_RUBRIC = `query ActiveRubric($lang: Lang) {
  activeRubric { id number status publishedAt criteria { code weight critical naAllowed position title(lang: $lang) listenFor(lang: $lang) } }
}`;

/** The rubric feature's one data service. */
@Injectable({ providedIn: 'root' })
export class RubricData {
  private readonly api = inject(GraphqlClient);

  async activeRubric(lang: 'ES' | 'EN'): Promise<ActiveRubric> {
    return (await this.api.request<{ activeRubric: ActiveRubric }>(ACTIVE_RUBRIC, { lang })).activeRubric;
  }
}
