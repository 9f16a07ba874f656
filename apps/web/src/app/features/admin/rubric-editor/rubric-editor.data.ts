import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../../core/api/graphql.client';
import type {
  CreateRubricDraftMutation,
  CriterionInput,
  PublishRubricVersionMutation,
  PublishRubricVersionMutationVariables,
  RubricVersionsQuery,
  UpdateRubricDraftMutation,
  UpdateRubricDraftMutationVariables,
} from '../../../graphql-types';

/** Both languages at once: the editor shows and saves Spanish and English side by side. */
const VERSION_FIELDS = /* GraphQL */ `
  fragment RubricVersionFields on RubricVersion {
    id
    number
    status
    publishedAt
    criteria {
      code
      weight
      critical
      naAllowed
      position
      titleEs: title(lang: ES)
      titleEn: title(lang: EN)
      listenForEs: listenFor(lang: ES)
      listenForEn: listenFor(lang: EN)
    }
  }
`;

const RUBRIC_VERSIONS = /* GraphQL */ `
  query RubricVersions {
    rubricVersions {
      ...RubricVersionFields
    }
  }
`;

const CREATE_DRAFT = /* GraphQL */ `
  mutation CreateRubricDraft {
    createRubricDraft {
      ...RubricVersionFields
    }
  }
`;

const UPDATE_DRAFT = /* GraphQL */ `
  mutation UpdateRubricDraft($id: ID!, $input: RubricDraftInput!) {
    updateRubricDraft(id: $id, input: $input) {
      ...RubricVersionFields
    }
  }
`;

const PUBLISH = /* GraphQL */ `
  mutation PublishRubricVersion($id: ID!) {
    publishRubricVersion(id: $id) {
      ...RubricVersionFields
    }
  }
`;

/** An operation with the fragment it spreads (the code generator reads each document on its own). */
const withFields = (operation: string) => operation + VERSION_FIELDS;

/** The shapes come from the schema (npm run codegen), never written by hand. */
export type RubricVersion = RubricVersionsQuery['rubricVersions'][number];
export type VersionCriterion = RubricVersion['criteria'][number];
export type { CriterionInput };

/** The rubric editor's one data service: versions, drafts and publishing. */
@Injectable({ providedIn: 'root' })
export class RubricEditorData {
  private readonly api = inject(GraphqlClient);

  /** Newest first; drafts are included for administrators. */
  async versions(): Promise<RubricVersion[]> {
    return (await this.api.request<RubricVersionsQuery>(withFields(RUBRIC_VERSIONS))).rubricVersions;
  }

  async createDraft(): Promise<RubricVersion> {
    return (await this.api.request<CreateRubricDraftMutation>(withFields(CREATE_DRAFT))).createRubricDraft;
  }

  async saveDraft(id: string, criteria: CriterionInput[]): Promise<RubricVersion> {
    return (
      await this.api.request<UpdateRubricDraftMutation, UpdateRubricDraftMutationVariables>(withFields(UPDATE_DRAFT), {
        id,
        input: { criteria },
      })
    ).updateRubricDraft;
  }

  async publish(id: string): Promise<RubricVersion> {
    return (
      await this.api.request<PublishRubricVersionMutation, PublishRubricVersionMutationVariables>(withFields(PUBLISH), { id })
    ).publishRubricVersion;
  }
}
