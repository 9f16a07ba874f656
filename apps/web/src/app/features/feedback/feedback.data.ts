import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';
import { COACHING_SESSION_FIELDS } from '../../shared/graphql/fragments';
import type {
  AcknowledgeEvaluationMutation,
  AcknowledgeEvaluationMutationVariables,
  AcknowledgeSessionMutation,
  AcknowledgeSessionMutationVariables,
  DisputeEvaluationMutation,
  DisputeEvaluationMutationVariables,
  MyFeedbackQuery,
  MyFeedbackQueryVariables,
} from '../../graphql-types';

const MY_FEEDBACK = /* GraphQL */ `
  query MyFeedback($lang: Lang) {
    evaluations(first: 50) {
      nodes {
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
    }
    coachingPlans {
      id
      status
      focusCodes
      targetFocusScore
      dueDate
      baseline
      current
      coach {
        name
      }
      sessions {
        ...CoachingSessionFields
      }
    }
  }
  ${COACHING_SESSION_FIELDS}
`;

const ACKNOWLEDGE = /* GraphQL */ `
  mutation AcknowledgeEvaluation($id: ID!) {
    acknowledgeEvaluation(id: $id) {
      id
      status
    }
  }
`;

const DISPUTE = /* GraphQL */ `
  mutation DisputeEvaluation($id: ID!, $input: DisputeInput!) {
    disputeEvaluation(id: $id, input: $input) {
      id
      status
    }
  }
`;

const ACKNOWLEDGE_SESSION = /* GraphQL */ `
  mutation AcknowledgeSession($id: ID!) {
    acknowledgeCoachingSession(id: $id) {
      id
      acknowledgedAt
    }
  }
`;

export type MyFeedback = MyFeedbackQuery;
export type FeedbackEvaluation = MyFeedbackQuery['evaluations']['nodes'][number];

/** The agent's feedback: their evaluations, acknowledgements, disputes and coaching. */
@Injectable({ providedIn: 'root' })
export class FeedbackData {
  private readonly api = inject(GraphqlClient);

  load(lang: 'ES' | 'EN') {
    return this.api.request<MyFeedbackQuery, MyFeedbackQueryVariables>(MY_FEEDBACK, { lang });
  }

  acknowledge(id: string) {
    return this.api.request<AcknowledgeEvaluationMutation, AcknowledgeEvaluationMutationVariables>(ACKNOWLEDGE, { id });
  }

  dispute(id: string, codes: string[], reason: string) {
    return this.api.request<DisputeEvaluationMutation, DisputeEvaluationMutationVariables>(DISPUTE, {
      id,
      input: { codes, reason },
    });
  }

  acknowledgeSession(id: string) {
    return this.api.request<AcknowledgeSessionMutation, AcknowledgeSessionMutationVariables>(ACKNOWLEDGE_SESSION, { id });
  }
}
