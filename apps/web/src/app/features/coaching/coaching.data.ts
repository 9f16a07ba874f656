import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';
import { operation } from '../../core/api/typed-document';
import {
  COACHING_SESSION_FIELDS,
  EVALUATION_ROWS_PAGE_FIELDS,
  EVALUATION_ROW_FIELDS,
  RULE_TITLE_FIELDS,
} from '../../shared/graphql/fragments';
import type {
  CoachingMethod,
  CoachingPlanPageQuery,
  CoachingPlanStatus,
  CoachingPlansQuery,
  CoachingSessionInput,
  CreateCoachingPlanInput,
  NewPlanAgentsQuery,
  PlanEvaluationsQuery,
  UpdateCoachingPlanInput,
} from '../../graphql-types';

/** The coaching methods (docs/api.md#coaching), in the order a coach reads them. */
export const METHODS: readonly CoachingMethod[] = [
  'SOCRATIC_QUESTIONING',
  'DIALECTIC',
  'CALL_REVIEW',
  'ROLE_PLAY',
  'SIDE_BY_SIDE',
  'WORKSHOP',
  'SEMINAR',
  'MOTIVATIONAL_TALK',
];

export const PLAN_STATUSES: readonly CoachingPlanStatus[] = ['ACTIVE', 'OVERDUE', 'COMPLETED', 'CANCELLED'];

const PLANS = operation(/* GraphQL */ `
  query CoachingPlans($status: CoachingPlanStatus, $lang: Lang) {
    coachingPlans(status: $status) {
      id
      status
      focusCodes
      targetFocusScore
      startDate
      dueDate
      baseline
      current
      delta
      achieved
      agent {
        id
        name
      }
    }
    activeRubric {
      ...RuleTitleFields
    }
  }
  ${RULE_TITLE_FIELDS}
`);

const NEW_PLAN_AGENTS = operation(/* GraphQL */ `
  query NewPlanAgents($lang: Lang) {
    users(role: AGENT) {
      id
      name
      active
      team {
        name
      }
    }
    activeRubric {
      criteria {
        code
        title(lang: $lang)
        weight
        critical
      }
    }
  }
`);

const NEW_PLAN_SUGGESTION = operation(/* GraphQL */ `
  query NewPlanSuggestion($agentId: ID!) {
    suggestedFocus(agentId: $agentId) {
      code
    }
  }
`);

const CREATE_PLAN = operation(/* GraphQL */ `
  mutation CreateCoachingPlan($input: CreateCoachingPlanInput!) {
    createCoachingPlan(input: $input) {
      id
    }
  }
`);

const PLAN_PAGE = operation(/* GraphQL */ `
  query CoachingPlanPage($id: ID!, $lang: Lang) {
    coachingPlan(id: $id) {
      id
      version
      status
      focusCodes
      methods
      targetFocusScore
      startDate
      dueDate
      notes
      baseline
      current
      delta
      evaluationsSinceStart
      achieved
      agent {
        id
        name
      }
      coach {
        id
        name
      }
      sessions {
        ...CoachingSessionFields
      }
    }
    activeRubric {
      ...RuleTitleFields
    }
  }
  ${RULE_TITLE_FIELDS}
  ${COACHING_SESSION_FIELDS}
`);

const PLAN_EVALUATIONS = operation(/* GraphQL */ `
  query PlanEvaluations($filter: EvaluationFilter!, $after: String) {
    evaluations(filter: $filter, first: 20, after: $after) {
      ...EvaluationRowsPageFields
    }
  }
  ${EVALUATION_ROWS_PAGE_FIELDS}
  ${EVALUATION_ROW_FIELDS}
`);

const LOG_SESSION = operation(/* GraphQL */ `
  mutation LogCoachingSession($planId: ID!, $input: CoachingSessionInput!) {
    logCoachingSession(planId: $planId, input: $input) {
      id
    }
  }
`);

const ACKNOWLEDGE_SESSION = operation(/* GraphQL */ `
  mutation AcknowledgeCoachingSession($id: ID!) {
    acknowledgeCoachingSession(id: $id) {
      id
      acknowledgedAt
    }
  }
`);

const UPDATE_PLAN = operation(/* GraphQL */ `
  mutation UpdateCoachingPlan($id: ID!, $version: Int!, $input: UpdateCoachingPlanInput!) {
    updateCoachingPlan(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

const COMPLETE_PLAN = operation(/* GraphQL */ `
  mutation CompleteCoachingPlan($id: ID!, $version: Int) {
    completeCoachingPlan(id: $id, version: $version) {
      id
      status
    }
  }
`);

const CANCEL_PLAN = operation(/* GraphQL */ `
  mutation CancelCoachingPlan($id: ID!, $version: Int) {
    cancelCoachingPlan(id: $id, version: $version) {
      id
      status
    }
  }
`);

export type PlanRow = CoachingPlansQuery['coachingPlans'][number];
export type Plan = NonNullable<CoachingPlanPageQuery['coachingPlan']>;
export type PlanEvaluation = PlanEvaluationsQuery['evaluations']['nodes'][number];
export type NewPlanOptions = NewPlanAgentsQuery;

/** Coaching plans: the list, creating one from suggested focus, a plan with its sessions, editing and closing it. */
@Injectable({ providedIn: 'root' })
export class CoachingData {
  private readonly api = inject(GraphqlClient);

  plans(status: CoachingPlanStatus | null, lang: 'ES' | 'EN') {
    return this.api.request(PLANS, { status, lang });
  }

  newPlanOptions(lang: 'ES' | 'EN') {
    return this.api.request(NEW_PLAN_AGENTS, { lang });
  }

  suggestedFocus(agentId: string) {
    return this.api.request(NEW_PLAN_SUGGESTION, { agentId });
  }

  create(input: CreateCoachingPlanInput) {
    return this.api.request(CREATE_PLAN, { input });
  }

  plan(id: string, lang: 'ES' | 'EN') {
    return this.api.request(PLAN_PAGE, { id, lang });
  }

  /** The agent's evaluations of calls since `from` (newest first). */
  evaluations(agentId: string, from: string, after: string | null) {
    return this.api.request(PLAN_EVALUATIONS, {
      filter: { agentId, from },
      after,
    });
  }

  logSession(planId: string, input: CoachingSessionInput) {
    return this.api.request(LOG_SESSION, { planId, input });
  }

  acknowledgeSession(id: string) {
    return this.api.request(ACKNOWLEDGE_SESSION, { id });
  }

  /** Changes what the plan aims at; `version` is the one last read (a stale one is CONFLICT). */
  update(id: string, version: number, input: UpdateCoachingPlanInput) {
    return this.api.request(UPDATE_PLAN, {
      id,
      version,
      input,
    });
  }

  complete(id: string, version: number) {
    return this.api.request(COMPLETE_PLAN, {
      id,
      version,
    });
  }

  cancel(id: string, version: number) {
    return this.api.request(CANCEL_PLAN, { id, version });
  }
}
