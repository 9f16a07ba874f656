import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../../core/api/graphql.client';
import { operation } from '../../../core/api/typed-document';
import type { CriterionInput, RubricVersionsQuery } from '../../../graphql-types';

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

const RUBRIC_VERSIONS = operation(/* GraphQL */ `
  query RubricVersions {
    rubricVersions {
      ...RubricVersionFields
    }
  }
  ${VERSION_FIELDS}
`);

const CREATE_DRAFT = operation(/* GraphQL */ `
  mutation CreateRubricDraft {
    createRubricDraft {
      ...RubricVersionFields
    }
  }
  ${VERSION_FIELDS}
`);

const UPDATE_DRAFT = operation(/* GraphQL */ `
  mutation UpdateRubricDraft($id: ID!, $input: RubricDraftInput!) {
    updateRubricDraft(id: $id, input: $input) {
      ...RubricVersionFields
    }
  }
  ${VERSION_FIELDS}
`);

const PUBLISH = operation(/* GraphQL */ `
  mutation PublishRubricVersion($id: ID!) {
    publishRubricVersion(id: $id) {
      ...RubricVersionFields
    }
  }
  ${VERSION_FIELDS}
`);

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
    return (await this.api.request(RUBRIC_VERSIONS)).rubricVersions;
  }

  async createDraft(): Promise<RubricVersion> {
    return (await this.api.request(CREATE_DRAFT)).createRubricDraft;
  }

  async saveDraft(id: string, criteria: CriterionInput[]): Promise<RubricVersion> {
    return (await this.api.request(UPDATE_DRAFT, { id, input: { criteria } })).updateRubricDraft;
  }

  async publish(id: string): Promise<RubricVersion> {
    return (await this.api.request(PUBLISH, { id })).publishRubricVersion;
  }
}
