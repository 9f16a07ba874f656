import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../core/api/graphql.client';
import { operation } from '../../core/api/typed-document';
import type { TeamScreenOverviewQuery, TeamScreenOverviewQueryVariables, TeamScreenTeamsQuery } from '../../graphql-types';

const TEAMS = operation(/* GraphQL */ `
  query TeamScreenTeams {
    teams {
      id
      name
    }
  }
`);

/**
 * Everything the screen shows for one team and window in one request: the overview (with each
 * coach's supervisor availability), the open plans of every agent (both open statuses, aliased,
 * so no query per row) and the rubric's titles in the screen's language.
 */
const OVERVIEW = operation(/* GraphQL */ `
  query TeamScreenOverview($teamId: ID!, $from: DateTime!, $to: DateTime!, $lang: Lang) {
    teamOverview(teamId: $teamId, from: $from, to: $to) {
      team {
        id
        name
      }
      figures {
        ...TeamScreenFigures
      }
      agents {
        agent {
          id
          name
        }
        evaluationCount
        meanScore
        marginOfError
        trendPerWeek
        consistency
        criticalFailureRate
        resolutionRate
        supervisorAvailability
        criteria {
          code
          mean
          count
        }
      }
      matrix {
        agentId
        code
        mean
        count
      }
      coaches {
        coach {
          id
          name
        }
        requested
        provided
        supervisorAvailability
        teamCount
      }
    }
    activePlans: coachingPlans(status: ACTIVE) {
      ...TeamScreenPlan
    }
    overduePlans: coachingPlans(status: OVERDUE) {
      ...TeamScreenPlan
    }
    activeRubric {
      criteria {
        code
        weight
        position
        critical
        naAllowed
        title(lang: $lang)
      }
    }
  }

  fragment TeamScreenFigures on ProgressFigures {
    evaluationCount
    meanScore
    marginOfError
    trendPerWeek
    consistency
    criticalFailureRate
    resolutionRate
    supervisorAvailability
  }

  fragment TeamScreenPlan on CoachingPlan {
    id
    status
    dueDate
    focusCodes
    agent {
      id
    }
  }
`);

export type TeamSummary = TeamScreenTeamsQuery['teams'][number];
export type TeamOverviewData = TeamScreenOverviewQuery;
export type AgentFigures = TeamScreenOverviewQuery['teamOverview']['agents'][number];
export type TeamFigures = TeamScreenOverviewQuery['teamOverview']['figures'];
export type MatrixCell = TeamScreenOverviewQuery['teamOverview']['matrix'][number];
export type CoachFigure = TeamScreenOverviewQuery['teamOverview']['coaches'][number];
export type OpenPlan = TeamScreenOverviewQuery['activePlans'][number];
export type RubricCriterion = TeamScreenOverviewQuery['activeRubric']['criteria'][number];

/** The team overview's one data service. */
@Injectable({ providedIn: 'root' })
export class TeamData {
  private readonly api = inject(GraphqlClient);

  async teams(): Promise<TeamSummary[]> {
    return (await this.api.request(TEAMS)).teams;
  }

  overview(variables: TeamScreenOverviewQueryVariables): Promise<TeamOverviewData> {
    return this.api.request(OVERVIEW, variables);
  }
}
