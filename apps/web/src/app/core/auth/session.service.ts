import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginMutation, LoginMutationVariables, LogoutMutation, MeQuery, Role as GqlRole } from '../../graphql-types';
import { GraphqlClient } from '../api/graphql.client';
import { TokenStore } from './token.store';

export type Role = GqlRole;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: string;
}

const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      user {
        id
        email
        name
        roles
        locale
      }
    }
  }
`;

const ME = /* GraphQL */ `
  query Me {
    me {
      id
      email
      name
      roles
      locale
    }
  }
`;

const LOGOUT = /* GraphQL */ `
  mutation Logout {
    logout
  }
`;

/** Who is signed in. The token lives in {@link TokenStore}; the user is fetched from `me`. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(GraphqlClient);
  private readonly tokens = inject(TokenStore);
  readonly user = signal<SessionUser | null>(null);
  readonly signedIn = computed(() => this.user() !== null);

  async login(email: string, password: string): Promise<SessionUser> {
    const data = await this.api.request<LoginMutation, LoginMutationVariables>(LOGIN, { email, password });
    this.tokens.set(data.login.accessToken);
    this.user.set(data.login.user);
    return data.login.user;
  }

  /** Restores the session of this tab after a reload; false when there is none (or it expired). */
  async restore(): Promise<boolean> {
    // No token means signed out, even if a user is still remembered: the API client drops the
    // token on UNAUTHENTICATED and cannot reach this service (it depends on the client).
    if (!this.tokens.token()) {
      this.user.set(null);
      return false;
    }
    if (this.user()) return true;
    try {
      const data = await this.api.request<MeQuery>(ME);
      this.user.set(data.me);
      return true;
    } catch {
      return false;
    }
  }

  async logout(): Promise<void> {
    try {
      await this.api.request<LogoutMutation>(LOGOUT);
    } catch {
      // Signing out locally is what matters to the person at the keyboard.
    }
    this.tokens.clear();
    this.user.set(null);
  }

  hasRole(...roles: Role[]): boolean {
    const user = this.user();
    return !!user && roles.some((role) => user.roles.includes(role));
  }
}
