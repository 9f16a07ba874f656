import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';
import { operation } from '../../core/api/typed-document';
import { ANSWER_FIELDS, CRITERION_FIELDS, SCORED_FORM_FIELDS, TRANSCRIPT_TURN_FIELDS } from '../../shared/graphql/fragments';
import type { EvaluationInput, EvaluationWorkspaceQuery, QueueQuery } from '../../graphql-types';

const QUEUE = operation(/* GraphQL */ `
  query Queue($me: ID!) {
    drafts: evaluations(filter: { evaluatorId: $me, status: [DRAFT] }, first: 50) {
      nodes {
        id
        callStartedAt
        agent {
          name
        }
        call {
          externalId
          purpose
        }
      }
    }
    waiting: calls(filter: { evaluated: false }, first: 50) {
      nodes {
        id
        externalId
        startedAt
        durationSeconds
        purpose
        direction
        agent {
          id
          name
        }
        evaluations {
          id
          status
        }
      }
    }
  }
`);

const START = operation(/* GraphQL */ `
  mutation StartEvaluation($callId: ID!) {
    startEvaluation(callId: $callId) {
      id
    }
  }
`);

const WORKSPACE = operation(/* GraphQL */ `
  query EvaluationWorkspace($id: ID!, $lang: Lang) {
    evaluation(id: $id) {
      id
      status
      version
      score
      rawScore
      criticalFailure
      resolution
      supervisorRequested
      supervisorProvided
      comment
      agent {
        name
      }
      call {
        externalId
        startedAt
        durationSeconds
        direction
        purpose
        recordingUrl
        transcript {
          ...TranscriptTurnFields
        }
      }
      ...ScoredFormFields
    }
  }
  ${SCORED_FORM_FIELDS}
  ${CRITERION_FIELDS}
  ${ANSWER_FIELDS}
  ${TRANSCRIPT_TURN_FIELDS}
`);

const SAVE = operation(/* GraphQL */ `
  mutation SaveEvaluation($id: ID!, $version: Int!, $input: EvaluationInput!) {
    saveEvaluation(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

const SUBMIT = operation(/* GraphQL */ `
  mutation SubmitEvaluation($id: ID!, $version: Int!) {
    submitEvaluation(id: $id, version: $version) {
      id
      version
      status
      score
      rawScore
      criticalFailure
    }
  }
`);

export type Queue = QueueQuery;
export type Workspace = NonNullable<EvaluationWorkspaceQuery['evaluation']>;

/** The scoring feature's one data service. */
@Injectable({ providedIn: 'root' })
export class ScoringData {
  private readonly api = inject(GraphqlClient);

  queue(me: string) {
    return this.api.request(QUEUE, { me });
  }

  async start(callId: string): Promise<string> {
    return (await this.api.request(START, { callId })).startEvaluation.id;
  }

  async workspace(id: string, lang: 'ES' | 'EN'): Promise<Workspace | null> {
    return (await this.api.request(WORKSPACE, { id, lang })).evaluation ?? null;
  }

  async save(id: string, version: number, input: EvaluationInput): Promise<number> {
    return (await this.api.request(SAVE, { id, version, input })).saveEvaluation.version;
  }

  async submit(id: string, version: number) {
    return (await this.api.request(SUBMIT, { id, version })).submitEvaluation;
  }
}
