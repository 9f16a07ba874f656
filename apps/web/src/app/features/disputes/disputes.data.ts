import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';
import { operation } from '../../core/api/typed-document';
import { ANSWER_FIELDS, CRITERION_FIELDS, SCORED_FORM_FIELDS, TRANSCRIPT_TURN_FIELDS } from '../../shared/graphql/fragments';
import type {
  AnswerInput,
  DisputeDecision,
  DisputeDetailQuery,
  DisputeListQuery,
  ResolveDisputeMutation,
} from '../../graphql-types';

const LIST = operation(/* GraphQL */ `
  query DisputeList($status: EvaluationStatus!, $first: Int!, $after: String, $lang: Lang) {
    evaluations(filter: { status: [$status] }, first: $first, after: $after) {
      nodes {
        id
        callStartedAt
        score
        criticalFailure
        agent {
          id
          name
        }
        evaluator {
          id
          name
        }
        call {
          externalId
          purpose
        }
        answers {
          value
          notApplicable
          criterion {
            code
            title(lang: $lang)
          }
        }
        dispute {
          codes
          reason
          createdAt
          decision
          resolutionComment
          resolvedAt
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const DETAIL = operation(/* GraphQL */ `
  query DisputeDetail($id: ID!, $lang: Lang) {
    evaluation(id: $id) {
      id
      status
      callStartedAt
      score
      rawScore
      criticalFailure
      comment
      agent {
        id
        name
      }
      evaluator {
        id
        name
      }
      call {
        externalId
        purpose
        direction
        durationSeconds
        transcript {
          ...TranscriptTurnFields
        }
      }
      ...ScoredFormFields
      dispute {
        codes
        reason
        createdAt
      }
    }
  }
  ${SCORED_FORM_FIELDS}
  ${CRITERION_FIELDS}
  ${ANSWER_FIELDS}
  ${TRANSCRIPT_TURN_FIELDS}
`);

const RESOLVE = operation(/* GraphQL */ `
  mutation ResolveDispute($id: ID!, $input: ResolveDisputeInput!) {
    resolveDispute(id: $id, input: $input) {
      id
      status
      score
      rawScore
      criticalFailure
      call {
        externalId
      }
      dispute {
        decision
      }
    }
  }
`);

export type DisputeListPage = DisputeListQuery['evaluations'];
export type DisputeRow = DisputeListPage['nodes'][number];
export type DisputeDetail = NonNullable<DisputeDetailQuery['evaluation']>;
export type Resolved = ResolveDisputeMutation['resolveDispute'];

/** How many disputes a page of the list shows. */
export const PAGE_SIZE = 20;

/** The disputes feature's one data service: disputed and resolved evaluations, and resolving one. */
@Injectable({ providedIn: 'root' })
export class DisputesData {
  private readonly api = inject(GraphqlClient);

  async list(status: 'DISPUTED' | 'RESOLVED', lang: 'ES' | 'EN', after: string | null = null): Promise<DisputeListPage> {
    return (await this.api.request(LIST, { status, first: PAGE_SIZE, after, lang })).evaluations;
  }

  async detail(id: string, lang: 'ES' | 'EN'): Promise<DisputeDetail | null> {
    return (await this.api.request(DETAIL, { id, lang })).evaluation ?? null;
  }

  async resolve(id: string, input: { decision: DisputeDecision; answers?: AnswerInput[]; comment: string }): Promise<Resolved> {
    return (await this.api.request(RESOLVE, { id, input })).resolveDispute;
  }
}
