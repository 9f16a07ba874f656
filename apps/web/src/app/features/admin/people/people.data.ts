import { Injectable, inject } from '@angular/core';
import { GraphqlClient } from '../../../core/api/graphql.client';
import type {
  CreateTeamMutation,
  CreateTeamMutationVariables,
  CreateUserInput,
  CreateUserMutation,
  CreateUserMutationVariables,
  PeopleTeamsQuery,
  PeopleUsersQuery,
  PeopleUsersQueryVariables,
  Role,
  UpdateTeamInput,
  UpdateTeamMutation,
  UpdateTeamMutationVariables,
  UpdateUserInput,
  UpdateUserMutation,
  UpdateUserMutationVariables,
} from '../../../graphql-types';

const USER_FIELDS = /* GraphQL */ `
  fragment PersonFields on User {
    id
    email
    name
    roles
    active
    locale
    team {
      id
      name
    }
  }
`;

const USERS = /* GraphQL */ `
  query PeopleUsers($role: Role, $teamId: ID) {
    users(role: $role, teamId: $teamId) {
      ...PersonFields
    }
    teams {
      id
      name
    }
  }
  ${USER_FIELDS}
`;

const TEAMS = /* GraphQL */ `
  query PeopleTeams {
    teams {
      id
      name
      agents {
        id
        name
        active
      }
      coaches {
        id
        name
        active
      }
    }
    coaches: users(role: COACH) {
      id
      name
      email
      active
    }
  }
`;

const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...PersonFields
    }
  }
  ${USER_FIELDS}
`;

const UPDATE_USER = /* GraphQL */ `
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...PersonFields
    }
  }
  ${USER_FIELDS}
`;

const CREATE_TEAM = /* GraphQL */ `
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
    }
  }
`;

const UPDATE_TEAM = /* GraphQL */ `
  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {
    updateTeam(id: $id, input: $input) {
      id
    }
  }
`;

export type Person = PeopleUsersQuery['users'][number];
export type TeamRef = PeopleUsersQuery['teams'][number];
export type TeamWithPeople = PeopleTeamsQuery['teams'][number];
export type Coach = PeopleTeamsQuery['coaches'][number];

export const ROLES: readonly Role[] = ['ADMIN', 'EVALUATOR', 'COACH', 'AGENT'];
export const LOCALES = ['es', 'en'] as const;
/** The API's password rule (apps/api auth/password.ts), checked here first to answer in the user's language. */
export const PASSWORD_MIN_LENGTH = 8;

/** Administration of people: users, teams and who coaches which team. */
@Injectable({ providedIn: 'root' })
export class PeopleData {
  private readonly api = inject(GraphqlClient);

  users(filter: { role?: Role; teamId?: string }) {
    return this.api.request<PeopleUsersQuery, PeopleUsersQueryVariables>(USERS, filter);
  }

  teams() {
    return this.api.request<PeopleTeamsQuery>(TEAMS);
  }

  createUser(input: CreateUserInput) {
    return this.api.request<CreateUserMutation, CreateUserMutationVariables>(CREATE_USER, { input });
  }

  updateUser(id: string, input: UpdateUserInput) {
    return this.api.request<UpdateUserMutation, UpdateUserMutationVariables>(UPDATE_USER, { id, input });
  }

  createTeam(name: string, coachIds: string[]) {
    return this.api.request<CreateTeamMutation, CreateTeamMutationVariables>(CREATE_TEAM, { input: { name, coachIds } });
  }

  updateTeam(id: string, input: UpdateTeamInput) {
    return this.api.request<UpdateTeamMutation, UpdateTeamMutationVariables>(UPDATE_TEAM, { id, input });
  }
}
