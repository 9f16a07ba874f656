import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';
import {
  COACHING_SESSION_FIELDS,
  EVALUATION_ROWS_PAGE_FIELDS,
  EVALUATION_ROW_FIELDS,
  RULE_TITLE_FIELDS,
} from '../../shared/graphql/fragments';
import type {
  AcknowledgeCoachingSessionMutation,
  AcknowledgeCoachingSessionMutationVariables,
  CancelCoachingPlanMutation,
  CancelCoachingPlanMutationVariables,
  CoachingMethod,
  CoachingPlanPageQuery,
  CoachingPlanPageQueryVariables,
  CoachingPlanStatus,
  CoachingPlansQuery,
  CoachingPlansQueryVariables,
  CoachingSessionInput,
  CompleteCoachingPlanMutation,
  CompleteCoachingPlanMutationVariables,
  CreateCoachingPlanInput,
  CreateCoachingPlanMutation,
  CreateCoachingPlanMutationVariables,
  LogCoachingSessionMutation,
  LogCoachingSessionMutationVariables,
  NewPlanAgentsQuery,
  NewPlanAgentsQueryVariables,
  NewPlanSuggestionQuery,
  NewPlanSuggestionQueryVariables,
  PlanEvaluationsQuery,
  PlanEvaluationsQueryVariables,
  UpdateCoachingPlanInput,
  UpdateCoachingPlanMutation,
  UpdateCoachingPlanMutationVariables,
} from '../../graphql-types';

/** RUBRIC.md §5, in the order a coach reads them. */
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

const PLANS = /* GraphQL */ `
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
`;

const NEW_PLAN_AGENTS = /* GraphQL */ `
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
`;

const NEW_PLAN_SUGGESTION = /* GraphQL */ `
  query NewPlanSuggestion($agentId: ID!) {
    suggestedFocus(agentId: $agentId) {
      code
    }
  }
`;

const CREATE_PLAN = /* GraphQL */ `
  mutation CreateCoachingPlan($input: CreateCoachingPlanInput!) {
    createCoachingPlan(input: $input) {
      id
    }
  }
`;

const PLAN_PAGE = /* GraphQL */ `
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
`;

const PLAN_EVALUATIONS = /* GraphQL */ `
  query PlanEvaluations($filter: EvaluationFilter!, $after: String) {
    evaluations(filter: $filter, first: 20, after: $after) {
      ...EvaluationRowsPageFields
    }
  }
  ${EVALUATION_ROWS_PAGE_FIELDS}
  ${EVALUATION_ROW_FIELDS}
`;

const LOG_SESSION = /* GraphQL */ `
  mutation LogCoachingSession($planId: ID!, $input: CoachingSessionInput!) {
    logCoachingSession(planId: $planId, input: $input) {
      id
    }
  }
`;

const ACKNOWLEDGE_SESSION = /* GraphQL */ `
  mutation AcknowledgeCoachingSession($id: ID!) {
    acknowledgeCoachingSession(id: $id) {
      id
      acknowledgedAt
    }
  }
`;

const UPDATE_PLAN = /* GraphQL */ `
  mutation UpdateCoachingPlan($id: ID!, $version: Int!, $input: UpdateCoachingPlanInput!) {
    updateCoachingPlan(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`;

const COMPLETE_PLAN = /* GraphQL */ `
  mutation CompleteCoachingPlan($id: ID!, $version: Int) {
    completeCoachingPlan(id: $id, version: $version) {
      id
      status
    }
  }
`;

const CANCEL_PLAN = /* GraphQL */ `
  mutation CancelCoachingPlan($id: ID!, $version: Int) {
    cancelCoachingPlan(id: $id, version: $version) {
      id
      status
    }
  }
`;

export type PlanRow = CoachingPlansQuery['coachingPlans'][number];
export type Plan = NonNullable<CoachingPlanPageQuery['coachingPlan']>;
export type PlanEvaluation = PlanEvaluationsQuery['evaluations']['nodes'][number];
export type NewPlanOptions = NewPlanAgentsQuery;

/** Coaching plans: the list, creating one from suggested focus, a plan with its sessions, editing and closing it. */
@Injectable({ providedIn: 'root' })
export class CoachingData {
  private readonly api = inject(GraphqlClient);

  plans(status: CoachingPlanStatus | null, lang: 'ES' | 'EN') {
    return this.api.request<CoachingPlansQuery, CoachingPlansQueryVariables>(PLANS, { status, lang });
  }

  newPlanOptions(lang: 'ES' | 'EN') {
    return this.api.request<NewPlanAgentsQuery, NewPlanAgentsQueryVariables>(NEW_PLAN_AGENTS, { lang });
  }

  suggestedFocus(agentId: string) {
    return this.api.request<NewPlanSuggestionQuery, NewPlanSuggestionQueryVariables>(NEW_PLAN_SUGGESTION, { agentId });
  }

  create(input: CreateCoachingPlanInput) {
    return this.api.request<CreateCoachingPlanMutation, CreateCoachingPlanMutationVariables>(CREATE_PLAN, { input });
  }

  plan(id: string, lang: 'ES' | 'EN') {
    return this.api.request<CoachingPlanPageQuery, CoachingPlanPageQueryVariables>(PLAN_PAGE, { id, lang });
  }

  /** The agent's evaluations of calls since `from` (newest first). */
  evaluations(agentId: string, from: string, after: string | null) {
    return this.api.request<PlanEvaluationsQuery, PlanEvaluationsQueryVariables>(PLAN_EVALUATIONS, {
      filter: { agentId, from },
      after,
    });
  }

  logSession(planId: string, input: CoachingSessionInput) {
    return this.api.request<LogCoachingSessionMutation, LogCoachingSessionMutationVariables>(LOG_SESSION, { planId, input });
  }

  acknowledgeSession(id: string) {
    return this.api.request<AcknowledgeCoachingSessionMutation, AcknowledgeCoachingSessionMutationVariables>(
      ACKNOWLEDGE_SESSION,
      { id },
    );
  }

  /** Changes what the plan aims at; `version` is the one last read (a stale one is CONFLICT). */
  update(id: string, version: number, input: UpdateCoachingPlanInput) {
    return this.api.request<UpdateCoachingPlanMutation, UpdateCoachingPlanMutationVariables>(UPDATE_PLAN, {
      id,
      version,
      input,
    });
  }

  complete(id: string, version: number) {
    return this.api.request<CompleteCoachingPlanMutation, CompleteCoachingPlanMutationVariables>(COMPLETE_PLAN, {
      id,
      version,
    });
  }

  cancel(id: string, version: number) {
    return this.api.request<CancelCoachingPlanMutation, CancelCoachingPlanMutationVariables>(CANCEL_PLAN, { id, version });
  }
}
