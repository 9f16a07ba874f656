/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      user {\n        id\n        email\n        name\n        roles\n        locale\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      roles\n      locale\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query ActiveRubric($lang: Lang) {\n    activeRubric {\n      id\n      number\n      status\n      publishedAt\n      criteria {\n        code\n        weight\n        critical\n        naAllowed\n        position\n        title(lang: $lang)\n        listenFor(lang: $lang)\n      }\n    }\n  }\n": typeof types.ActiveRubricDocument,
};
const documents: Documents = {
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      user {\n        id\n        email\n        name\n        roles\n        locale\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      roles\n      locale\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query ActiveRubric($lang: Lang) {\n    activeRubric {\n      id\n      number\n      status\n      publishedAt\n      criteria {\n        code\n        weight\n        critical\n        naAllowed\n        position\n        title(lang: $lang)\n        listenFor(lang: $lang)\n      }\n    }\n  }\n": types.ActiveRubricDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      user {\n        id\n        email\n        name\n        roles\n        locale\n      }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      name\n      roles\n      locale\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveRubric($lang: Lang) {\n    activeRubric {\n      id\n      number\n      status\n      publishedAt\n      criteria {\n        code\n        weight\n        critical\n        naAllowed\n        position\n        title(lang: $lang)\n        listenFor(lang: $lang)\n      }\n    }\n  }\n"): typeof import('./graphql').ActiveRubricDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
