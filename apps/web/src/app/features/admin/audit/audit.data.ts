import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../../core/api/graphql.client';
import { operation } from '../../../core/api/typed-document';
import type { AuditActorsQuery, AuditLogQuery, AuditLogQueryVariables } from '../../../graphql-types';

const AUDIT_LOG = operation(/* GraphQL */ `
  query AuditLog(
    $entityId: ID
    $entityType: String
    $actorId: ID
    $action: String
    $from: DateTime
    $to: DateTime
    $first: Int
    $after: String
  ) {
    auditLog(
      entityId: $entityId
      entityType: $entityType
      actorId: $actorId
      action: $action
      from: $from
      to: $to
      first: $first
      after: $after
    ) {
      nodes {
        id
        at
        action
        entityType
        entityId
        before
        after
        actor {
          id
          name
          email
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ACTORS = operation(/* GraphQL */ `
  query AuditActors {
    users {
      id
      name
      email
    }
  }
`);

export type AuditEntry = AuditLogQuery['auditLog']['nodes'][number];
export type AuditActor = AuditActorsQuery['users'][number];
export type AuditFilter = Omit<AuditLogQueryVariables, 'first' | 'after'>;

/**
 * The audit's vocabulary as the API writes it (see the services' `audit.record` calls), by record
 * type. An action not listed here still shows, by its code.
 */
export const AUDIT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  User: ['user.create', 'user.update', 'user.update+password'],
  Team: ['team.create', 'team.update'],
  Call: ['call.create'],
  CallImport: ['call.import'],
  Evaluation: [
    'evaluation.start',
    'evaluation.save',
    'evaluation.submit',
    'evaluation.acknowledge',
    'evaluation.dispute',
    'evaluation.resolveDispute',
  ],
  CoachingPlan: ['coaching.create', 'coaching.logSession', 'coaching.acknowledgeSession', 'coaching.complete', 'coaching.cancel'],
  RubricVersion: ['rubric.createDraft', 'rubric.updateDraft', 'rubric.publish'],
};

export const PAGE_SIZE = 25;

/** The audit log, newest first, a page at a time. */
@Injectable({ providedIn: 'root' })
export class AuditData {
  private readonly api = inject(GraphqlClient);

  page(filter: AuditFilter, after: string | null) {
    return this.api.request(AUDIT_LOG, { ...filter, first: PAGE_SIZE, after });
  }

  actors() {
    return this.api.request(ACTORS);
  }
}
