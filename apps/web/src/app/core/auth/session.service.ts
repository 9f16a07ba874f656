import { mayTake, seesScreen } from '@decalogo/access';
import type { Action, ScreenName } from '@decalogo/access';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Role as GqlRole } from '../../graphql-types';
import { GraphqlClient } from '../api/graphql.client';
import { operation } from '../api/typed-document';
import { TokenStore } from './token.store';

export type Role = GqlRole;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: string;
}

/** Exported for the client's own specs, which send the app's real documents. */
export const LOGIN = operation(/* GraphQL */ `
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
`);

export const ME = operation(/* GraphQL */ `
  query Me {
    me {
      id
      email
      name
      roles
      locale
    }
  }
`);

const LOGOUT = operation(/* GraphQL */ `
  mutation Logout {
    logout
  }
`);

/** Who is signed in. The token lives in {@link TokenStore}; the user is fetched from `me`. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(GraphqlClient);
  private readonly tokens = inject(TokenStore);
  readonly user = signal<SessionUser | null>(null);
  readonly signedIn = computed(() => this.user() !== null);

  /**
   * Signs in. The answer also sets this browser's device cookie for the account (httpOnly,
   * SameSite=Strict, see docs/api.md "Sign-in limits"); the request goes to the app's own origin,
   * where the browser sends and keeps cookies without `withCredentials`, so a later sign-in from
   * this browser carries it and gets past the account-wide limit.
   */
  async login(email: string, password: string): Promise<SessionUser> {
    const data = await this.api.request(LOGIN, { email, password });
    this.tokens.set(data.login.accessToken);
    this.user.set(data.login.user);
    return data.login.user;
  }

  /** Restores the session of this tab after a reload; false when there is none (or it expired). */
  async restore(): Promise<boolean> {
    // No token means signed out, even if a user is still remembered: the auth interceptor drops
    // the token when the server refuses it, without going through this service.
    if (!this.tokens.token()) {
      this.user.set(null);
      return false;
    }
    if (this.user()) return true;
    try {
      const data = await this.api.request(ME);
      this.user.set(data.me);
      return true;
    } catch {
      return false;
    }
  }

  async logout(): Promise<void> {
    try {
      await this.api.request(LOGOUT);
    } catch {
      // Signing out locally is what matters to the person at the keyboard.
    }
    this.tokens.clear();
    this.user.set(null);
  }

  /** Whether the signed-in user's roles may take an action of the access table (the API checks each record). */
  may(action: Action): boolean {
    const user = this.user();
    return !!user && mayTake(user.roles, action);
  }

  /** Whether the signed-in user sees a screen (libs/access's screen map). */
  sees(screen: ScreenName): boolean {
    const user = this.user();
    return !!user && seesScreen(user.roles, screen);
  }
}
