/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Lang =
  | 'EN'
  | 'ES';

/** What a user may do; a user holds one or more. */
export type Role =
  | 'ADMIN'
  | 'AGENT'
  | 'COACH'
  | 'EVALUATOR';

/** PUBLISHED is the active version; ARCHIVED ones were active before; a DRAFT is being edited. */
export type RubricStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { accessToken: string, user: { id: string, email: string, name: string, roles: Array<Role>, locale: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, name: string, roles: Array<Role>, locale: string } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type ActiveRubricQueryVariables = Exact<{
  lang?: Lang | null | undefined;
}>;


export type ActiveRubricQuery = { activeRubric: { id: string, number: number, status: RubricStatus, publishedAt: string | null, criteria: Array<{ code: string, weight: number, critical: boolean, naAllowed: boolean, position: number, title: string, listenFor: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const LoginDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    name
    roles
    locale
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const ActiveRubricDocument = new TypedDocumentString(`
    query ActiveRubric($lang: Lang) {
  activeRubric {
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
      title(lang: $lang)
      listenFor(lang: $lang)
    }
  }
}
    `) as unknown as TypedDocumentString<ActiveRubricQuery, ActiveRubricQueryVariables>;