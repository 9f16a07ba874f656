import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';
import { operation } from '../../core/api/typed-document';
import { COACHING_PLAN_SUMMARY_FIELDS, COACHING_SESSION_FIELDS, RULE_TITLE_FIELDS } from '../../shared/graphql/fragments';
import type { EvaluationStatus, FeedbackEvaluationFieldsFragment, MyCoachingPlansQuery } from '../../graphql-types';
import type { Page } from '../../shared/paged-list/paged-list';

/** Everything an evaluation card shows: the score, the call, every answer with its evidence, the dispute. */
const FEEDBACK_EVALUATION_FIELDS = /* GraphQL */ `
  fragment FeedbackEvaluationFields on Evaluation {
    id
    status
    score
    rawScore
    criticalFailure
    submittedAt
    disputableUntil
    callStartedAt
    comment
    evaluator {
      name
    }
    call {
      externalId
      purpose
    }
    answers {
      value
      notApplicable
      comment
      evidenceSeconds
      criterion {
        code
        title(lang: $lang)
      }
    }
    dispute {
      codes
      reason
      decision
      resolutionComment
    }
  }
`;

const MY_EVALUATIONS = operation(/* GraphQL */ `
  query MyEvaluations($lang: Lang, $status: [EvaluationStatus!]!, $first: Int!, $after: String) {
    evaluations(filter: { status: $status }, first: $first, after: $after) {
      nodes {
        ...FeedbackEvaluationFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${FEEDBACK_EVALUATION_FIELDS}
`);

const MY_COACHING_PLANS = operation(/* GraphQL */ `
  query MyCoachingPlans($lang: Lang) {
    coachingPlans {
      ...CoachingPlanSummaryFields
      sessions {
        ...CoachingSessionFields
      }
    }
    activeRubric {
      ...RuleTitleFields
    }
  }
  ${COACHING_PLAN_SUMMARY_FIELDS}
  ${RULE_TITLE_FIELDS}
  ${COACHING_SESSION_FIELDS}
`);

const ACKNOWLEDGE = operation(/* GraphQL */ `
  mutation AcknowledgeEvaluation($id: ID!) {
    acknowledgeEvaluation(id: $id) {
      id
      status
    }
  }
`);

const DISPUTE = operation(/* GraphQL */ `
  mutation DisputeEvaluation($id: ID!, $input: DisputeInput!) {
    disputeEvaluation(id: $id, input: $input) {
      id
      status
    }
  }
`);

const ACKNOWLEDGE_SESSION = operation(/* GraphQL */ `
  mutation AcknowledgeSession($id: ID!) {
    acknowledgeCoachingSession(id: $id) {
      id
      acknowledgedAt
    }
  }
`);

export type FeedbackEvaluation = FeedbackEvaluationFieldsFragment;
export type FeedbackAnswer = FeedbackEvaluation['answers'][number];
export type MyCoachingPlans = MyCoachingPlansQuery;
export type FeedbackPlan = MyCoachingPlansQuery['coachingPlans'][number];

/** Evaluations the agent still has to acknowledge or dispute. */
export const TO_CONFIRM: EvaluationStatus[] = ['SUBMITTED'];
/** Evaluations already dealt with: acknowledged, or disputed and maybe resolved. */
export const HISTORY: EvaluationStatus[] = ['ACKNOWLEDGED', 'DISPUTED', 'RESOLVED'];

/** The agent's feedback: their evaluations by status, acknowledgements, disputes and coaching. */
@Injectable({ providedIn: 'root' })
export class FeedbackData {
  private readonly api = inject(GraphqlClient);

  /** The signed-in agent's evaluations in these statuses, newest call first, `first` at a time. */
  async evaluations(
    status: EvaluationStatus[],
    lang: 'ES' | 'EN',
    first: number,
    after: string | null,
  ): Promise<Page<FeedbackEvaluation>> {
    const answer = await this.api.request(MY_EVALUATIONS, {
      lang,
      status,
      first,
      after,
    });
    return answer.evaluations;
  }

  /** The agent's coaching plans, with the rule titles of the active rubric to name their focus. */
  plans(lang: 'ES' | 'EN') {
    return this.api.request(MY_COACHING_PLANS, { lang });
  }

  acknowledge(id: string) {
    return this.api.request(ACKNOWLEDGE, { id });
  }

  dispute(id: string, codes: string[], reason: string) {
    return this.api.request(DISPUTE, {
      id,
      input: { codes, reason },
    });
  }

  acknowledgeSession(id: string) {
    return this.api.request(ACKNOWLEDGE_SESSION, { id });
  }
}
