import { Injectable, inject } from '@angular/core';
import { ROLES as ALL_ROLES } from '@decalogo/access';
import { GraphqlClient } from '../../../core/api/graphql.client';
import { operation } from '../../../core/api/typed-document';
import type {
  CreateUserInput,
  PeopleTeamsQuery,
  PeopleUsersQuery,
  Role,
  UpdateTeamInput,
  UpdateUserInput,
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

const USERS = operation(/* GraphQL */ `
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
`);

const TEAMS = operation(/* GraphQL */ `
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
`);

const CREATE_USER = operation(/* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...PersonFields
    }
  }
  ${USER_FIELDS}
`);

const UPDATE_USER = operation(/* GraphQL */ `
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...PersonFields
    }
  }
  ${USER_FIELDS}
`);

const CREATE_TEAM = operation(/* GraphQL */ `
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
    }
  }
`);

const UPDATE_TEAM = operation(/* GraphQL */ `
  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {
    updateTeam(id: $id, input: $input) {
      id
    }
  }
`);

export type Person = PeopleUsersQuery['users'][number];
export type TeamRef = PeopleUsersQuery['teams'][number];
export type TeamWithPeople = PeopleTeamsQuery['teams'][number];
export type Coach = PeopleTeamsQuery['coaches'][number];

export const ROLES: readonly Role[] = ALL_ROLES;
export const LOCALES = ['es', 'en'] as const;
/** The API's password rule (apps/api auth/password.ts), checked here first to answer in the user's language. */
export const PASSWORD_MIN_LENGTH = 8;

/** Administration of people: users, teams and who coaches which team. */
@Injectable({ providedIn: 'root' })
export class PeopleData {
  private readonly api = inject(GraphqlClient);

  users(filter: { role?: Role; teamId?: string }) {
    return this.api.request(USERS, filter);
  }

  teams() {
    return this.api.request(TEAMS);
  }

  createUser(input: CreateUserInput) {
    return this.api.request(CREATE_USER, { input });
  }

  updateUser(id: string, input: UpdateUserInput) {
    return this.api.request(UPDATE_USER, { id, input });
  }

  createTeam(name: string, coachIds: string[]) {
    return this.api.request(CREATE_TEAM, { input: { name, coachIds } });
  }

  updateTeam(id: string, input: UpdateTeamInput) {
    return this.api.request(UPDATE_TEAM, { id, input });
  }
}
