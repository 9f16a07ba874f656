import { Injectable, inject } from '@angular/core';
import { FileDownloader } from '../../core/api/download';
import { GraphqlClient } from '../../core/api/graphql.client';
import { operation } from '../../core/api/typed-document';
import type { EvaluationFilter, EvaluationListQuery, EvaluationStatus, EvaluationsFilterOptionsQuery } from '../../graphql-types';

const LIST = operation(/* GraphQL */ `
  query EvaluationList($filter: EvaluationFilter, $first: Int, $after: String) {
    evaluations(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        status
        score
        rawScore
        criticalFailure
        callStartedAt
        call {
          externalId
        }
        agent {
          id
          name
        }
        evaluator {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const FILTER_OPTIONS = operation(/* GraphQL */ `
  query EvaluationsFilterOptions {
    agents: users(role: AGENT) {
      id
      name
      team {
        id
      }
    }
    teams {
      id
      name
    }
  }
`);

export type EvaluationRow = EvaluationListQuery['evaluations']['nodes'][number];
export type FilterOptions = EvaluationsFilterOptionsQuery;

export const STATUSES: readonly EvaluationStatus[] = ['DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED'];
export const PAGE_SIZE = 25;
export const EXPORT_PATH = '/api/exports/evaluations.csv';

/** The evaluations list and its CSV export, with the same filters. */
@Injectable({ providedIn: 'root' })
export class EvaluationsData {
  private readonly api = inject(GraphqlClient);
  private readonly files = inject(FileDownloader);

  page(filter: EvaluationFilter, after: string | null) {
    return this.api.request(LIST, { filter, first: PAGE_SIZE, after });
  }

  filterOptions() {
    return this.api.request(FILTER_OPTIONS);
  }

  /** The export's query parameters are those of `ExportController.evaluationsCsv`. */
  exportCsv(filter: EvaluationFilter, lang: 'es' | 'en', fileName: string): Promise<void> {
    return this.files.download(
      EXPORT_PATH,
      {
        lang,
        agentId: filter.agentId ? String(filter.agentId) : undefined,
        teamId: filter.teamId ? String(filter.teamId) : undefined,
        status: filter.status?.length ? filter.status.join(',') : undefined,
        from: filter.from ?? undefined,
        to: filter.to ?? undefined,
        criticalFailure: filter.criticalFailure ? 'true' : undefined,
      },
      fileName,
    );
  }
}
