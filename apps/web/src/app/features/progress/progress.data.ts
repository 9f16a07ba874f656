import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';
import { operation } from '../../core/api/typed-document';
import {
  COACHING_PLAN_SUMMARY_FIELDS,
  EVALUATION_ROWS_PAGE_FIELDS,
  EVALUATION_ROW_FIELDS,
  RULE_TITLE_FIELDS,
} from '../../shared/graphql/fragments';
import type { AgentEvaluationsQuery, AgentPageQuery } from '../../graphql-types';

const AGENT_PAGE = operation(/* GraphQL */ `
  query AgentPage($agentId: ID!, $from: DateTime!, $to: DateTime!, $lang: Lang) {
    agentProgress(agentId: $agentId, from: $from, to: $to) {
      agent {
        id
        name
        team {
          name
        }
      }
      evaluationCount
      meanScore
      trendPerWeek
      consistency
      marginOfError
      criticalFailureRate
      resolutionRate
      supervisorAvailability
      criteria {
        code
        percent
      }
      teamCriteria {
        code
        percent
      }
      teamComparisonSuppressed
      weeks {
        weekStart
        count
        meanScore
      }
    }
    activeRubric {
      ...RuleTitleFields
    }
    coachingPlans(agentId: $agentId) {
      ...CoachingPlanSummaryFields
    }
    suggestedFocus(agentId: $agentId) {
      code
      title(lang: $lang)
    }
  }
  ${COACHING_PLAN_SUMMARY_FIELDS}
  ${RULE_TITLE_FIELDS}
`);

const AGENT_EVALUATIONS = operation(/* GraphQL */ `
  query AgentEvaluations($filter: EvaluationFilter!, $after: String) {
    evaluations(filter: $filter, first: 20, after: $after) {
      ...EvaluationRowsPageFields
    }
  }
  ${EVALUATION_ROWS_PAGE_FIELDS}
  ${EVALUATION_ROW_FIELDS}
`);

export type AgentPage = AgentPageQuery;
export type AgentPlan = AgentPageQuery['coachingPlans'][number];
export type AgentEvaluation = AgentEvaluationsQuery['evaluations']['nodes'][number];

/** One agent's progress over a window, their plans and their evaluations, page by page. */
@Injectable({ providedIn: 'root' })
export class ProgressData {
  private readonly api = inject(GraphqlClient);

  page(agentId: string, from: string, to: string, lang: 'ES' | 'EN') {
    return this.api.request(AGENT_PAGE, { agentId, from, to, lang });
  }

  /** Newest calls first; `after` is the previous page's end cursor. */
  evaluations(agentId: string, from: string, to: string, after: string | null) {
    return this.api.request(AGENT_EVALUATIONS, {
      filter: { agentId, from, to },
      after,
    });
  }
}
